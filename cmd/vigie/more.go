package main

import "github.com/spf13/cobra"

// addMoreCommands registers the analysis, query and service commands.
func (a *app) addMoreCommands(root *cobra.Command) {
	root.AddCommand(
		a.entitiesCommand(),
		a.entityCommand(),
		a.eventsCommand(),
		a.timelineCommand(),
		a.exportCommand(),
		a.storiesCommand(),
		a.storyCommand(),
		a.evalCommand(),
		a.kbCommand(),
		a.benchCommand(),
	)
}

// serveDemo starts the web UI after the demo (wired to package server).
func (a *app) serveDemo(cmd *cobra.Command, addr string) error {
	return nil
}
