/* kg interactive graph: filters, search, legend and details panel around a vis-network canvas.
 *
 * Every string that comes from articles (labels, sentences, items, sources) is shown with
 * textContent or as a vis-network plain-text title, never parsed as HTML.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  var nodes = readJson("kg-nodes");
  var edges = readJson("kg-edges");
  var options = readJson("kg-options");
  var legend = readJson("kg-legend-data");
  var meta = readJson("kg-meta");

  var nodeById = new Map(nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(edges.map(function (e) { return [e.id, e]; }));
  var edgesOf = new Map(nodes.map(function (n) { return [n.id, []]; }));
  edges.forEach(function (e) {
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) edgesOf.get(e.to).push(e);
  });

  // ---- message, counts --------------------------------------------------------------------
  var message = document.getElementById("kg-message");
  if (meta.message) {
    message.textContent = meta.message;
    message.hidden = false;
  }
  var counts = document.getElementById("kg-counts");

  // ---- filters ----------------------------------------------------------------------------
  function checkbox(container, value, text, count) {
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.value = value;
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    if (count !== undefined) label.appendChild(el("span", "kg-count", "(" + count + ")"));
    container.appendChild(label);
    return input;
  }

  var relationBox = document.getElementById("kg-relations");
  meta.relations.forEach(function (pair) { checkbox(relationBox, pair[0], pair[0], pair[1]); });
  var typeBox = document.getElementById("kg-types");
  meta.types.forEach(function (t) { checkbox(typeBox, t, t || "(no type)"); });
  var since = document.getElementById("kg-since");
  var until = document.getElementById("kg-until");
  var undated = document.getElementById("kg-undated");
  [since, until].forEach(function (input) {
    if (meta.time_min) input.min = meta.time_min;
    if (meta.time_max && meta.time_max < "9999") input.max = meta.time_max;
  });

  function checked(container) {
    var values = new Set();
    container.querySelectorAll("input:checked").forEach(function (i) { values.add(i.value); });
    return values;
  }

  function timeOk(edge, from, to) {
    if (!from && !to) return true;
    if (!edge.span) return undated.checked;
    return !(from && edge.span[1] < from) && !(to && edge.span[0] > to);
  }

  var nodeSet = null;
  var edgeSet = null;

  function applyFilters() {
    var factsOnly = document.querySelector("input[name=kg-modality]:checked").value === "facts";
    var relations = checked(relationBox);
    var types = checked(typeBox);
    var from = since.value, to = until.value;
    var typeOk = new Map(nodes.map(function (n) { return [n.id, types.has(n.type)]; }));
    var reached = new Set();
    var edgeChanges = [];
    var shownEdges = 0;
    edges.forEach(function (e) {
      var show = relations.has(e.relation) && (!factsOnly || e.fact) &&
        typeOk.get(e.from) && typeOk.get(e.to) && timeOk(e, from, to);
      if (show) {
        reached.add(e.from);
        reached.add(e.to);
        shownEdges += 1;
      }
      if (Boolean(e.hidden) === show) {
        e.hidden = !show;
        edgeChanges.push({ id: e.id, hidden: !show });
      }
    });
    var nodeChanges = [];
    var shownNodes = 0;
    nodes.forEach(function (n) {
      var show = reached.has(n.id) || (edgesOf.get(n.id).length === 0 && typeOk.get(n.id));
      if (show) shownNodes += 1;
      if (Boolean(n.hidden) === show) {
        n.hidden = !show;
        nodeChanges.push({ id: n.id, hidden: !show });
      }
    });
    if (nodeSet && nodeChanges.length) nodeSet.update(nodeChanges);
    if (edgeSet && edgeChanges.length) edgeSet.update(edgeChanges);
    counts.textContent = shownNodes.toLocaleString("en") + " entities · " +
      shownEdges.toLocaleString("en") + " statements shown";
  }

  document.getElementById("kg-sidebar").addEventListener("change", applyFilters);
  document.querySelectorAll(".kg-all, .kg-none").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.classList.contains("kg-all");
      document.getElementById(button.dataset.target).querySelectorAll("input")
        .forEach(function (i) { i.checked = on; });
      applyFilters();
    });
  });

  // ---- legend -----------------------------------------------------------------------------
  var SHAPES = {
    dot: function (c) { return svgEl("circle", { cx: 10, cy: 10, r: 7, fill: c }); },
    square: function (c) { return svgEl("rect", { x: 3, y: 3, width: 14, height: 14, fill: c }); },
    diamond: function (c) { return svgEl("polygon", { points: "10,2 18,10 10,18 2,10", fill: c }); },
    triangle: function (c) { return svgEl("polygon", { points: "10,2 18,17 2,17", fill: c }); },
    hexagon: function (c) { return svgEl("polygon", { points: "5,3 15,3 19,10 15,17 5,17 1,10", fill: c }); },
    star: function (c) {
      return svgEl("polygon", { points: "10,1 12.6,7 19,7.3 14,11.4 15.6,18 10,14.3 4.4,18 6,11.4 1,7.3 7.4,7", fill: c });
    },
  };
  var legendBox = document.getElementById("kg-legend");
  var legendTypes = document.getElementById("kg-legend-types");
  var legendEdges = document.getElementById("kg-legend-edges");
  legend.types.forEach(function (row) {
    var line = el("div", "kg-legend-row");
    var icon = svgEl("svg", { width: 20, height: 20, viewBox: "0 0 20 20", "aria-hidden": "true" });
    icon.appendChild((SHAPES[row.shape] || SHAPES.dot)(row.color));
    line.appendChild(icon);
    line.appendChild(el("span", "", row.type));
    legendTypes.appendChild(line);
  });
  legend.edges.forEach(function (row) {
    var line = el("div", "kg-legend-row");
    var icon = svgEl("svg", { width: 36, height: 12, viewBox: "0 0 36 12", "aria-hidden": "true" });
    var stroke = svgEl("line", { x1: 1, y1: 6, x2: 35, y2: 6, stroke: row.color, "stroke-width": 2 });
    if (row.dashes) stroke.setAttribute("stroke-dasharray", row.dashes.join(" "));
    icon.appendChild(stroke);
    line.appendChild(icon);
    line.appendChild(el("b", "kg-legend-label", row.label));
    line.appendChild(el("span", "", row.text));
    legendEdges.appendChild(line);
  });
  legend.notes.forEach(function (row) { legendBox.appendChild(el("div", "kg-legend-note", row.text)); });

  // ---- details panel ----------------------------------------------------------------------
  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");

  function row(list, name, value) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && value.length === 0)) return;
    list.appendChild(el("dt", "", name));
    list.appendChild(el("dd", "", Array.isArray(value) ? value.join("; ") : value));
  }

  function label(id) {
    var n = nodeById.get(id);
    return n ? n.label : id;
  }

  function openPanel(kind, id) {
    panelBody.replaceChildren();
    panel.hidden = false;
    panel.dataset.kind = kind;
    panel.dataset.id = id;
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    openPanel("edge", id);
    panelBody.appendChild(el("h3", "", label(e.from) + " → " + label(e.to)));
    var list = el("dl");
    row(list, "relation", e.relation);
    row(list, "modality", e.modality + (e.fact ? " (fact)" : " (claim)"));
    row(list, "negated", e.negated ? "yes: the article says it did not happen" : "");
    row(list, "claimed by", e.sources);
    row(list, "denied by", e.denied_by);
    row(list, "time", e.times);
    row(list, "from", e.start);
    row(list, "until", e.end);
    row(list, "role", e.role);
    row(list, "items", e.items);
    row(list, "article", e.article);
    row(list, "rule", e.rule);
    panelBody.appendChild(list);
    panelBody.appendChild(el("h4", "", "Evidence (" + e.evidence.length + ")"));
    e.evidence.forEach(function (ev) {
      var quote = el("blockquote", "kg-evidence", ev.sentence);
      quote.appendChild(el("cite", "", ev.article));
      panelBody.appendChild(quote);
    });
  }

  function showNode(id) {
    var n = nodeById.get(id);
    if (!n) return;
    openPanel("node", id);
    panelBody.appendChild(el("h3", "", n.label));
    var list = el("dl");
    row(list, "type", n.type);
    row(list, "wikidata", n.wikidata);
    row(list, "statements", String(n.statements));
    panelBody.appendChild(list);
    var items = el("ul");
    edgesOf.get(id).forEach(function (e) {
      var li = el("li", e.hidden ? "kg-hidden-edge" : "");
      var text = e.from === id ? e.label + " → " + label(e.to) : label(e.from) + " → " + e.label;
      var button = el("button", "", text);
      button.type = "button";
      button.addEventListener("click", function () { showEdge(e.id); });
      li.appendChild(button);
      items.appendChild(li);
    });
    panelBody.appendChild(items);
  }

  function closePanel() {
    panel.hidden = true;
    panelBody.replaceChildren();
  }
  document.getElementById("kg-panel-close").addEventListener("click", closePanel);

  // ---- network ----------------------------------------------------------------------------
  applyFilters();
  nodeSet = new vis.DataSet(nodes);
  edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, options);

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else closePanel();
  });
  // until the reader moves or zooms the view, keep the whole graph in sight when the canvas
  // changes size (window resized, details panel opened)
  var touched = false;
  network.on("dragStart", function () { touched = true; });
  network.on("zoom", function () { touched = true; });
  network.on("resize", function () {
    if (!touched) network.fit({ animation: false });
  });
  // headless screenshots resize the window right before capturing: draw at once, not on the
  // next animation frame, so that the capture never shows a stale, stretched canvas
  window.addEventListener("resize", function () {
    network.setSize("100%", "100%");
    if (!touched) network.fit({ animation: false });
    network.redraw();
  });
  network.once("afterDrawing", function () {
    window.__kgFirstDraw = performance.now();
    // labels are measured only once drawn: fit again so that none sticks out of the canvas
    network.fit({ animation: false });
    window.__kgReady = performance.now();
    document.body.dataset.ready = "true";
  });

  // ---- search -----------------------------------------------------------------------------
  var search = document.getElementById("kg-search");
  var searchStatus = document.getElementById("kg-search-status");
  var datalist = document.getElementById("kg-labels");
  nodes.slice().sort(function (a, b) { return b.statements - a.statements; }).slice(0, 3000)
    .forEach(function (n) {
      var option = document.createElement("option");
      option.value = n.label;
      datalist.appendChild(option);
    });

  function focusEntity(query) {
    var wanted = fold(query);
    if (!wanted) return null;
    var match = nodes.find(function (n) { return fold(n.label) === wanted; }) ||
      nodes.find(function (n) { return fold(n.label).indexOf(wanted) >= 0; });
    if (!match) {
      searchStatus.textContent = "no entity matches";
      return null;
    }
    searchStatus.textContent = match.hidden ? "hidden by the filters" : "";
    if (!match.hidden) {
      touched = true;
      network.focus(match.id, { scale: Math.max(network.getScale(), 1.2), animation: false });
      network.selectNodes([match.id]);
    }
    showNode(match.id);
    return match.id;
  }
  search.addEventListener("change", function () { focusEntity(search.value); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") focusEntity(search.value);
  });

  // for tests and benchmarks: the same functions the page's own handlers call
  window.kg = {
    network: network, nodes: nodeSet, edges: edgeSet,
    showEdge: showEdge, showNode: showNode, focusEntity: focusEntity, applyFilters: applyFilters,
  };
})();
