// Actor network graph (cytoscape): node size by events, edge width by weight.
import cytoscape from 'cytoscape';

const colours = { ARM: '#e67e22', AZE: '#2980b9', RUS: '#c0392b', TUR: '#8e44ad', IRN: '#16a085', USA: '#2c3e50', FRA: '#27ae60' };

/** renderNetwork draws net (the /api/v1/network response) into el. */
export function renderNetwork(el, net, onNode) {
  const maxEv = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: n.id, label: n.label, entity: n.entity, size: 18 + 42 * Math.sqrt(n.events / maxEv), colour: colours[n.country] || '#7f8c8d' } })),
    ...net.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, weight: e.weight, width: 1 + 7 * (e.weight / maxW),
      label: e.types.map((t) => t.key + ' ' + t.count).join(', ') } })),
  ];
  const cy = cytoscape({
    container: el,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': 'data(colour)',
        'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa8b5', 'curve-style': 'haystack', opacity: 0.7 } },
      { selector: 'edge:selected', style: { label: 'data(label)', 'font-size': 10, 'line-color': '#1f4e79', opacity: 1 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1f4e79' } },
    ],
    layout: { name: net.nodes.length > 150 ? 'grid' : 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 },
  });
  cy.on('tap', 'node', (evt) => onNode({ entity: evt.target.data('entity'), label: evt.target.data('label') }));
  window.vigieGraph = cy; // for end-to-end tests
  return cy;
}
