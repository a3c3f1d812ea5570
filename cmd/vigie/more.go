package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

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
		a.serveCommand(),
	)
}

// serveDemo starts the web UI after the demo (wired to package server).
func (a *app) serveDemo(cmd *cobra.Command, addr string) error {
	fmt.Fprintln(a.out)
	return a.serve(cmd.Context(), addr, "")
}
