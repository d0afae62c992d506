/*
 * Kamaelia4J introspector web UI.
 *
 * Reads the snapshot (GET api/snapshot) once, then follows the Server-Sent-Events stream (api/events):
 * "metrics" events carry a whole snapshot about once a second, "topology" events carry one line of Kamaelia's
 * text protocol (ADD NODE / ADD LINK / DEL NODE ...), shown in the "Topology stream" tab and answered with an
 * early snapshot fetch. Every snapshot is merged into the Cytoscape graph element by element, so positions stay
 * where they were: only new components are placed (by a small layered layout); "Re-layout" places everything.
 *
 * Graph model: JVM nodes contain components; a component with a parent (Pipeline, Graphline) sits inside it.
 * Boxes are the labelled endpoints of the links (source label = outbox, target label = inbox). A link is
 * coloured by its queue depth (relative to the inbox capacity when bounded), as wide as its rate, dashed when
 * it crosses JVMs and dotted when it is a passthrough.
 *
 * The access token comes from the page URL (?token=...) and goes on every fetch (X-K4J-Token header) and on the
 * EventSource URL (query). window.k4j exposes the graph and a few functions for tests and the browser console.
 */
"use strict";

(function () {
    const TOKEN = new URLSearchParams(location.search).get("token") || "";
    const READ_ONLY_TIP = "Read-only: the server was started without control allowed";
    const COL = 230;        // layout: distance between ranks (x)
    const ROW = 78;         // layout: distance between stacked components (y)
    const GROUP_GAP = 60;   // layout: extra space between top-level groups of one JVM
    const JVM_GAP = 110;    // layout: extra space between JVMs
    const PROTOCOL_LINES = 500;

    const ui = {
        snapshot: null,
        model: null,            // graphModel(snapshot)
        comps: new Map(),       // key "jvm/id" -> {c, jvm}, the same as model.comps
        selected: null,         // key of the selected component
        sort: {key: "depth", desc: true},
        lastUpdate: 0,
        refreshTimer: null,
        firstLayoutDone: false,
    };
    let cy;

    // ---------------------------------------------------------------- small helpers

    const $ = (id) => document.getElementById(id);

    /** Creates an element: el("td", {class: "num"}, "text", childElement). Text is never parsed as HTML. */
    function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            if (v !== undefined && v !== null) {
                e.setAttribute(k, v);
            }
        }
        for (const child of children) {
            e.append(child instanceof Node ? child : String(child));
        }
        return e;
    }

    const fmtInt = (n) => Number(n || 0).toLocaleString("en-US");

    function fmtRate(r) {
        if (!r) {
            return "0";
        }
        return r >= 100 ? fmtInt(Math.round(r)) : r.toFixed(1);
    }

    function fmtNanos(ns) {
        const ms = (ns || 0) / 1e6;
        if (ms < 1) {
            return (ms * 1000).toFixed(0) + " \u00b5s";
        }
        if (ms < 1000) {
            return ms.toFixed(ms < 10 ? 1 : 0) + " ms";
        }
        const s = ms / 1000;
        return s < 120 ? s.toFixed(s < 10 ? 2 : 1) + " s" : (s / 60).toFixed(1) + " min";
    }

    const fmtCapacity = (c) => (c === undefined || c === null || c < 0 ? "\u221e" : fmtInt(c));

    /** Calls the API with the token; resolves to the parsed JSON, rejects with the server's error text. */
    async function api(path, body) {
        const init = {headers: {"X-K4J-Token": TOKEN}};
        if (body !== undefined) {
            init.method = "POST";
            init.headers["Content-Type"] = "application/json";
            init.body = JSON.stringify(body);
        }
        const response = await fetch(path, init);
        const text = await response.text();
        let json = {};
        try {
            json = text ? JSON.parse(text) : {};
        } catch (e) {
            json = {error: text};
        }
        if (!response.ok) {
            throw new Error(json.error || response.status + " " + response.statusText);
        }
        return json;
    }

    // ---------------------------------------------------------------- the snapshot as a graph

    const compKey = (jvm, id) => jvm + "/" + id;
    const nodeId = (key) => "c:" + key;
    const portId = (key, box) => "p:" + key + ":" + box;
    const jvmNodeId = (jvm) => "j:" + jvm;
    const hasParent = (c) => c.parent !== null && c.parent !== undefined;

    /**
     * The state to show. The server reports a component that sleeps for want of messages as PAUSED too, with
     * "held" false; that one is shown as IDLE, so that PAUSED means paused by a user.
     */
    const shownState = (c) => (c.state === "PAUSED" && c.held === false ? "IDLE" : c.state);

    /**
     * The graph a snapshot describes. comps: key "jvm/id" -> {c, jvm}. links: the snapshot's links with their ends
     * resolved to component keys (a link names components by id: its own JVM first, then any JVM, for cross-JVM
     * links) and to graph endpoints: a leaf component's node, or a port node for a box of a component that has
     * children (a Pipeline's or Graphline's box sits on its edge, so that passthroughs join siblings: Cytoscape
     * cannot draw a link between a parent and its own child). ports: port node id -> {key, box}.
     */
    function graphModel(snap) {
        const comps = new Map();
        const byId = new Map();
        for (const jvm of snap.jvms || []) {
            for (const c of jvm.components || []) {
                const key = compKey(jvm.id, c.id);
                comps.set(key, {c, jvm});
                if (!byId.has(c.id)) {
                    byId.set(c.id, key);
                }
            }
        }
        const parents = new Set();
        for (const [, {c, jvm}] of comps) {
            if (hasParent(c) && comps.has(compKey(jvm.id, c.parent))) {
                parents.add(compKey(jvm.id, c.parent));
            }
        }
        const resolve = (jvmId, id) => (comps.has(compKey(jvmId, id)) ? compKey(jvmId, id) : byId.get(id) || null);
        const ports = new Map();
        const endpoint = (key, box) => {
            if (!parents.has(key)) {
                return nodeId(key);
            }
            const id = portId(key, box);
            ports.set(id, {key, box});
            return id;
        };
        const links = [];
        for (const jvm of snap.jvms || []) {
            for (const l of jvm.links || []) {
                const fromKey = resolve(jvm.id, l.from);
                const toKey = resolve(jvm.id, l.to);
                if (fromKey && toKey) {
                    links.push(Object.assign({}, l, {fromKey, toKey, source: endpoint(fromKey, l.fromBox),
                        target: endpoint(toKey, l.toBox)}));
                }
            }
        }
        return {comps, parents, links, ports};
    }

    /** 0 = empty, 1 = some, 2 = filling, 3 = (nearly) full or deep; relative to the capacity when bounded. */
    function depthLevel(depth, capacity) {
        if (!depth) {
            return 0;
        }
        if (capacity > 0) {
            const ratio = depth / capacity;
            return ratio < 0.5 ? 1 : ratio < 0.9 ? 2 : 3;
        }
        return depth < 10 ? 1 : depth < 100 ? 2 : 3;
    }

    function inboxOf(c, name) {
        return (c.inboxes || []).find((b) => b.name === name);
    }

    function componentElementData(key, model) {
        const {c, jvm} = model.comps.get(key);
        const parentKey = hasParent(c) ? compKey(jvm.id, c.parent) : null;
        return {
            id: nodeId(key),
            key,
            kind: "component",
            name: c.name,
            label: model.parents.has(key) ? c.name : c.name + "\n" + String(shownState(c) || "").toLowerCase(),
            state: shownState(c),
            w: Math.max(96, 7.2 * Math.max(c.name.length, 8) + 22),
            parent: parentKey && model.comps.has(parentKey) ? nodeId(parentKey) : jvmNodeId(jvm.id),
        };
    }

    function edgeElementData(l, model) {
        const target = model.comps.get(l.toKey);
        const inbox = target ? inboxOf(target.c, l.toBox) : null;
        return {
            id: "e:" + l.source + ":" + l.fromBox + ">" + l.target + ":" + l.toBox,
            source: l.source,
            target: l.target,
            // a port node is labelled with its box already
            fromBox: model.ports.has(l.source) ? "" : l.fromBox,
            toBox: model.ports.has(l.target) ? "" : l.toBox,
            kind: l.kind || "normal",
            cross: l.crossJvm ? "yes" : "no",
            depth: l.depth || 0,
            rate: l.rate || 0,
            level: depthLevel(l.depth, inbox ? inbox.capacity : -1),
            width: 1.5 + Math.min(8, 1.8 * Math.log10(1 + (l.rate || 0))),
            label: l.depth ? fmtInt(l.depth) : "",
        };
    }

    /** "id · label · pid N", paths in the label cut to their last part (a JVM's label is often its command). */
    function jvmTitle(jvm) {
        const label = String(jvm.label || "").replace(/\S*\/(\S+)/g, "$1");
        const parts = [jvm.id];
        if (label && label !== jvm.id) {
            parts.push(label);
        }
        if (jvm.pid && !label.includes(String(jvm.pid))) {
            parts.push("pid " + jvm.pid);
        }
        return parts.join("  \u00b7  ");
    }

    /** Components sorted so that every parent comes before its children (Cytoscape needs parents first). */
    function parentsFirst(comps) {
        const depth = (key) => {
            let d = 0;
            for (let e = comps.get(key); e && hasParent(e.c) && d < 64; e = comps.get(compKey(e.jvm.id, e.c.parent))) {
                d++;
            }
            return d;
        };
        return [...comps.keys()].sort((a, b) => depth(a) - depth(b));
    }

    /** Adds the element, or updates the data of the one already there; returns it when it was added. */
    function upsert(group, data) {
        const existing = cy.getElementById(data.id);
        if (existing.empty()) {
            return cy.add({group, data});
        }
        const {parent, ...rest} = data;
        if (group === "nodes" && parent !== undefined && existing.data("parent") !== parent) {
            existing.move({parent});
        }
        existing.data(rest);
        return null;
    }

    /** Merges a model into the graph: adds, updates and removes elements; returns the nodes that are new. */
    function mergeIntoGraph(snap, model) {
        const wanted = new Set();
        const added = [];
        const put = (group, data) => {
            wanted.add(data.id);
            const element = upsert(group, data);
            if (element && group === "nodes") {
                added.push(element);
            }
        };
        cy.batch(() => {
            for (const jvm of snap.jvms || []) {
                put("nodes", {id: jvmNodeId(jvm.id), kind: "jvm", jvm: jvm.id, label: jvmTitle(jvm)});
            }
            for (const key of parentsFirst(model.comps)) {
                put("nodes", componentElementData(key, model));
            }
            for (const [id, {key, box}] of model.ports) {
                put("nodes", {id, key, kind: "port", label: box, parent: nodeId(key)});
            }
            for (const l of model.links) {
                put("edges", edgeElementData(l, model));
            }
            cy.edges().filter((e) => !wanted.has(e.id())).remove();
            cy.nodes().filter((n) => !wanted.has(n.id())).remove();
        });
        return added;
    }

    // ---------------------------------------------------------------- layout

    /**
     * A layered layout of the childless nodes (leaf components and ports): x is a node's rank, its longest path
     * from a source along the links; the nodes inside one top-level Pipeline or Graphline of one JVM are stacked
     * in their own horizontal band, the JVM's other top-level components in one more, bands one below the other.
     * Parents (Pipelines, Graphlines, JVMs) wrap their children.
     */
    function computeLayout(model) {
        const {comps, parents, links, ports} = model;
        const nodes = [...comps.keys()].filter((k) => !parents.has(k)).map((key) => ({id: nodeId(key), key}));
        for (const [id, {key}] of ports) {
            nodes.push({id, key});
        }
        const flow = links.filter((l) => l.source !== l.target).map((l) => [l.source, l.target]);
        const rank = longestPathRanks(nodes.map((n) => n.id), flow);
        const linked = new Set(flow.flat());
        const topOf = (key) => {
            let top = key;
            for (let e = comps.get(key), d = 0; e && hasParent(e.c) && d < 64; d++) {
                top = compKey(e.jvm.id, e.c.parent);
                e = comps.get(top);
            }
            return top;
        };
        const bands = new Map();   // jvm id -> Map(top-level component key -> [nodes])
        for (const node of nodes) {
            const jvm = comps.get(node.key).jvm.id;
            const groups = bands.get(jvm) || new Map();
            bands.set(jvm, groups);
            // each top-level Pipeline or Graphline gets a band; the top-level leaves of the JVM share one
            const top = parents.has(topOf(node.key)) ? topOf(node.key) : "";
            groups.set(top, (groups.get(top) || []).concat(node));
        }
        const order = (key) => {
            const id = comps.get(key).c.id;
            return isNaN(Number(id)) ? id : Number(id);
        };
        const positions = new Map();
        let y = 0;
        for (const groups of bands.values()) {
            for (const members of groups.values()) {
                members.sort((a, b) => (order(a.key) < order(b.key) ? -1 : order(a.key) > order(b.key) ? 1 : 0));
                let isolated = 0;
                const stack = new Map();
                for (const node of members) {
                    const r = linked.has(node.id) ? rank.get(node.id) : isolated++;
                    const row = stack.get(r) || 0;
                    stack.set(r, row + 1);
                    positions.set(node.id, {x: r * COL, y: y + row * ROW});
                }
                y += Math.max(...stack.values()) * ROW + GROUP_GAP;
            }
            y += JVM_GAP;
        }
        return positions;
    }

    /**
     * Each node's longest distance from a source along the edges, ignoring the edges that close a cycle
     * (found by a depth-first search started from the sources first, so the flow's direction wins); then each
     * source moves up to just before the nearest node it feeds.
     */
    function longestPathRanks(ids, edges) {
        const out = new Map(ids.map((id) => [id, []]));
        const incoming = new Map(ids.map((id) => [id, 0]));
        for (const [from, to] of edges) {
            if (out.has(from) && out.has(to)) {
                out.get(from).push(to);
                incoming.set(to, incoming.get(to) + 1);
            }
        }
        const mark = new Map();     // 1 = on the current path, 2 = done
        const finished = [];        // reverse topological order of the acyclic part
        const acyclic = new Map(ids.map((id) => [id, []]));
        const starts = ids.filter((id) => incoming.get(id) === 0).concat(ids);
        for (const start of starts) {
            if (mark.has(start)) {
                continue;
            }
            const stack = [[start, 0]];
            mark.set(start, 1);
            while (stack.length) {
                const top = stack[stack.length - 1];
                const next = out.get(top[0])[top[1]++];
                if (next === undefined) {
                    mark.set(top[0], 2);
                    finished.push(top[0]);
                    stack.pop();
                } else if (mark.get(next) !== 1) {
                    acyclic.get(top[0]).push(next);
                    if (!mark.has(next)) {
                        mark.set(next, 1);
                        stack.push([next, 0]);
                    }
                }
            }
        }
        const rank = new Map(ids.map((id) => [id, 0]));
        const order = finished.reverse();
        for (const id of order) {
            for (const next of acyclic.get(id)) {
                rank.set(next, Math.max(rank.get(next), rank.get(id) + 1));
            }
        }
        // pull each source (a Pipeline's inbox port, say) right up to the first node it feeds
        for (const id of order) {
            if (incoming.get(id) === 0 && acyclic.get(id).length) {
                rank.set(id, Math.max(rank.get(id), Math.min(...acyclic.get(id).map((n) => rank.get(n))) - 1));
            }
        }
        return rank;
    }

    function placeNodes(nodes, positions) {
        nodes.forEach((n) => {
            const p = positions.get(n.id());
            if (p && n.isChildless()) {
                n.position(p);
            }
        });
    }

    function relayout() {
        placeNodes(cy.nodes(), computeLayout(ui.model));
        cy.fit(undefined, 30);
    }

    // ---------------------------------------------------------------- panels

    function renderSummary(snap) {
        const jvms = (snap.jvms || []).length;
        $("summary").textContent = fmtInt(ui.comps.size) + " components in " + jvms + (jvms === 1 ? " JVM" : " JVMs");
        const mode = $("mode");
        mode.textContent = snap.control ? "control" : "read-only";
        mode.className = "badge " + (snap.control ? "mode-control" : "mode-readonly");
        mode.title = snap.control ? "Commands are allowed" : READ_ONLY_TIP;
        $("tab-repl").hidden = !snap.repl;
        if (!snap.repl && document.querySelector(".tab.active").dataset.tab === "repl") {
            showTab("top");
        }
        $("repl-run").disabled = !snap.repl;
    }

    function select(key) {
        ui.selected = key;
        cy.nodes(":selected").unselect();
        if (key) {
            cy.getElementById(nodeId(key)).select();
        }
        $("command-result").textContent = "";
        renderDetail();
        renderTop();
    }

    function renderDetail() {
        const entry = ui.selected ? ui.comps.get(ui.selected) : null;
        $("detail-empty").hidden = !!entry;
        $("detail-body").hidden = !entry;
        if (!entry) {
            return;
        }
        const {c, jvm} = entry;
        $("detail-name").textContent = c.name;
        $("detail-type").textContent = c.type;
        const state = $("detail-state");
        state.textContent = shownState(c);
        state.className = "state state-" + shownState(c);
        $("detail-jvm").textContent = jvmTitle(jvm);
        $("detail-jvm").title = jvm.label || "";
        const parent = hasParent(c) ? ui.comps.get(compKey(jvm.id, c.parent)) : null;
        $("detail-parent").textContent = parent ? parent.c.name : "\u2014";
        $("detail-activations").textContent = fmtInt(c.activations);
        $("detail-busy").textContent = fmtNanos(c.busyNanos);
        $("detail-error-block").hidden = !c.error;
        $("detail-error").textContent = c.error || "";

        const feeders = (box) => ui.model.links.filter((l) => l.toKey === ui.selected && l.toBox === box)
            .map((l) => (ui.comps.has(l.fromKey) ? ui.comps.get(l.fromKey).c.name : l.from) + "." + l.fromBox);
        $("detail-inboxes").replaceChildren(...(c.inboxes || []).map((b) => el("tr", {"data-testid": "inbox-" + b.name},
            el("td", {}, el("span", {class: "name"}, b.name), el("span", {class: "desc"}, b.description || ""),
                feeders(b.name).length ? el("span", {class: "desc mono from"}, "\u2190\u00a0" + feeders(b.name).join(", ")) : ""),
            el("td", {class: "num" + (depthLevel(b.depth, b.capacity) === 3 ? " deep" : ""),
                "data-testid": "inbox-depth-" + b.name}, fmtInt(b.depth)),
            el("td", {class: "num", "data-testid": "inbox-capacity-" + b.name}, fmtCapacity(b.capacity)),
            el("td", {class: "num"}, fmtRate(b.rate)))));

        const outgoing = ui.model.links.filter((l) => l.fromKey === ui.selected);
        $("detail-outboxes").replaceChildren(...(c.outboxes || []).map((b) => {
            const targets = outgoing.filter((l) => l.fromBox === b.name).map((l) => {
                const t = ui.comps.get(l.toKey);
                return (t ? t.c.name : l.to) + "." + l.toBox;
            });
            return el("tr", {"data-testid": "outbox-" + b.name},
                el("td", {}, el("span", {class: "name"}, b.name), el("span", {class: "desc"}, b.description || "")),
                el("td", {class: "mono"}, targets.join(", ") || "\u2014"));
        }));

        const chooser = $("inject-box");
        const names = (c.inboxes || []).map((b) => b.name);
        if (chooser.dataset.names !== names.join("\n")) {
            const keep = chooser.value;
            chooser.replaceChildren(...names.map((n) => el("option", {value: n}, n)));
            chooser.value = names.includes(keep) ? keep : names[0] || "";
            chooser.dataset.names = names.join("\n");
        }
        renderControls(c);
    }

    function renderControls(c) {
        const finished = c.state === "FINISHED" || c.state === "FAILED";
        for (const button of document.querySelectorAll("#controls button[data-action]")) {
            if (button.dataset.tip === undefined) {
                button.dataset.tip = button.title || "";
            }
            const allowed = ui.snapshot.control && !finished;
            button.disabled = !allowed;
            button.title = !ui.snapshot.control ? READ_ONLY_TIP
                : finished ? c.name + " has " + c.state.toLowerCase() : button.dataset.tip;
        }
        for (const input of [$("inject-box"), $("inject-message"), $("inject-json")]) {
            input.disabled = !ui.snapshot.control;
            input.title = ui.snapshot.control ? "" : READ_ONLY_TIP;
        }
    }

    async function command(action) {
        const entry = ui.comps.get(ui.selected);
        if (!entry) {
            return;
        }
        const body = {action, component: entry.c.id};
        if (action === "inject") {
            body.box = $("inject-box").value;
            body.message = $("inject-message").value;
            body.json = $("inject-json").checked;
        }
        const result = $("command-result");
        if (body.json) {
            try {
                JSON.parse(body.message);
            } catch (e) {
                result.textContent = "not JSON: " + e.message;
                return;
            }
        }
        result.textContent = action + "\u2026";
        try {
            await api("api/command", body);
            result.textContent = action + ": ok";
            scheduleRefresh(0);
        } catch (e) {
            result.textContent = action + " failed: " + e.message;
        }
    }

    function topRows() {
        const rows = [...ui.comps.entries()].map(([key, {c, jvm}]) => ({
            key,
            name: c.name,
            jvm: jvm.id,
            state: shownState(c),
            depth: (c.inboxes || []).reduce((s, b) => s + (b.depth || 0), 0),
            rate: (c.inboxes || []).reduce((s, b) => s + (b.rate || 0), 0),
            busy: c.busyNanos || 0,
            activations: c.activations || 0,
        }));
        const {key, desc} = ui.sort;
        rows.sort((a, b) => {
            const x = a[key];
            const y = b[key];
            const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
            return (desc ? -order : order) || a.name.localeCompare(b.name);
        });
        return rows;
    }

    function renderTop() {
        for (const th of document.querySelectorAll("#top th[data-sort]")) {
            th.classList.toggle("sorted", th.dataset.sort === ui.sort.key);
            th.classList.toggle("asc", th.dataset.sort === ui.sort.key && !ui.sort.desc);
        }
        $("top-body").replaceChildren(...topRows().map((r) => {
            const tr = el("tr", {"data-testid": "top-row", "data-key": r.key, "data-name": r.name,
                class: r.key === ui.selected ? "selected" : null},
            el("td", {class: "mono"}, r.name),
            el("td", {}, r.jvm),
            el("td", {}, el("span", {class: "state state-" + r.state}, r.state)),
            el("td", {class: "num"}, fmtInt(r.depth)),
            el("td", {class: "num"}, fmtRate(r.rate)),
            el("td", {class: "num"}, fmtNanos(r.busy)),
            el("td", {class: "num"}, fmtInt(r.activations)));
            tr.addEventListener("click", () => {
                select(r.key);
                cy.animate({center: {eles: cy.getElementById(nodeId(r.key))}}, {duration: 300});
            });
            return tr;
        }));
    }

    function renderStores(snap) {
        const stores = snap.stores || [];
        if (!stores.length) {
            $("pane-stores").replaceChildren(el("p", {class: "muted"}, "No STM store is registered."));
            return;
        }
        $("pane-stores").replaceChildren(...stores.map((store) => el("div", {class: "store",
            "data-testid": "store-" + store.name},
        el("h4", {}, store.name + "  ", el("span", {class: "muted"}, fmtInt((store.keys || []).length) + " keys")),
        el("table", {},
            el("thead", {}, el("tr", {}, el("th", {}, "key"), el("th", {class: "num"}, "version"),
                el("th", {}, "value"))),
            el("tbody", {}, ...(store.keys || []).map((k) => el("tr", {},
                el("td", {class: "mono"}, k.key),
                el("td", {class: "num"}, fmtInt(k.version)),
                el("td", {class: "value"}, k.value === null || k.value === undefined ? "\u2014" : k.value))))))));
    }

    function showTab(name) {
        for (const tab of document.querySelectorAll(".tab")) {
            tab.classList.toggle("active", tab.dataset.tab === name);
        }
        for (const pane of document.querySelectorAll(".tab-pane")) {
            pane.classList.toggle("active", pane.id === "pane-" + name);
        }
    }

    async function runRepl() {
        const input = $("repl-input");
        const code = input.value.trim();
        if (!code) {
            return;
        }
        const out = $("repl-output");
        out.append(el("div", {class: "in"}, "> " + code));
        try {
            const result = await api("api/repl", {code});
            out.append(el("div", {}, result.output || ""));
            input.value = "";
        } catch (e) {
            out.append(el("div", {class: "fail"}, e.message));
        }
        out.scrollTop = out.scrollHeight;
    }

    function appendProtocol(line) {
        const pre = $("protocol");
        const time = new Date().toISOString().substring(11, 23);
        pre.append(time + "  " + line + "\n");
        while (pre.childNodes.length > PROTOCOL_LINES) {
            pre.removeChild(pre.firstChild);
        }
    }

    // ---------------------------------------------------------------- updates

    function applySnapshot(snap) {
        const model = graphModel(snap);
        ui.snapshot = snap;
        ui.model = model;
        ui.comps = model.comps;
        ui.lastUpdate = Date.now();
        const added = mergeIntoGraph(snap, model);
        if (!ui.firstLayoutDone) {
            ui.firstLayoutDone = true;
            relayout();
        } else if (added.length) {
            placeNodes(cy.collection(added), computeLayout(model));
        }
        if (ui.selected && !model.comps.has(ui.selected)) {
            ui.selected = null;
        }
        renderSummary(snap);
        renderDetail();
        renderTop();
        renderStores(snap);
    }

    async function refresh() {
        try {
            applySnapshot(await api("api/snapshot"));
        } catch (e) {
            setStatus("lost", "snapshot failed: " + e.message);
        }
    }

    function scheduleRefresh(delay) {
        clearTimeout(ui.refreshTimer);
        ui.refreshTimer = setTimeout(refresh, delay);
    }

    function setStatus(kind, tip) {
        const status = $("status");
        status.textContent = kind === "live" ? "live" : kind === "lost" ? "disconnected" : "connecting";
        status.className = "badge status-" + kind;
        status.title = tip || "";
    }

    function connectEvents() {
        const events = new EventSource("api/events?token=" + encodeURIComponent(TOKEN));
        events.onopen = () => setStatus("live", "following api/events");
        events.onerror = () => {
            setStatus("lost", "event stream lost; retrying");
            if (events.readyState === EventSource.CLOSED) {
                setTimeout(connectEvents, 3000);
            }
        };
        events.addEventListener("metrics", (e) => {
            setStatus("live", "following api/events");
            applySnapshot(JSON.parse(e.data));
        });
        events.addEventListener("topology", (e) => {
            appendProtocol(e.data);
            scheduleRefresh(150);
        });
    }

    // ---------------------------------------------------------------- start

    function graphStyle() {
        const stateColour = {RUNNING: "#2e9d5b", IDLE: "#8cc7a4", PAUSED: "#3b7ddd", BLOCKED: "#e08a1e",
            FINISHED: "#8b95a3", FAILED: "#d64545"};
        const levelColour = ["#9aa5b4", "#2e9d5b", "#e0a21e", "#d64545"];
        const style = [
            {selector: "node", style: {
                "label": "data(label)", "font-size": 11, "text-wrap": "wrap", "color": "#1f2733",
                "text-valign": "center", "text-halign": "center", "shape": "round-rectangle",
                "width": "data(w)", "height": 40, "background-color": "#ffffff",
                "border-width": 2, "border-color": "#8b95a3"}},
            {selector: "node[kind = 'jvm']", style: {
                "background-color": "#e3e8f0", "background-opacity": 0.6, "border-color": "#56627a",
                "border-width": 1, "text-valign": "top", "text-halign": "center", "font-size": 12,
                "font-weight": "bold", "color": "#3d4a5e", "padding": 22, "shape": "round-rectangle"}},
            {selector: "node[kind = 'component']:parent", style: {
                "background-color": "#f5f7fb", "background-opacity": 0.9, "border-style": "dashed",
                "border-width": 1.5, "text-valign": "top", "text-halign": "center", "font-size": 11,
                "color": "#56627a", "padding": 16}},
            {selector: "edge", style: {
                "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
                "width": "data(width)", "line-color": "#9aa5b4", "target-arrow-color": "#9aa5b4",
                "label": "data(label)", "font-size": 10, "font-weight": "bold", "color": "#1f2733",
                "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
                "source-label": "data(fromBox)", "target-label": "data(toBox)", "source-text-offset": 26,
                "target-text-offset": 26, "source-text-margin-y": -8, "target-text-margin-y": -8}},
            {selector: "node[kind = 'port']", style: {
                "shape": "ellipse", "width": 12, "height": 12, "background-color": "#56627a", "border-width": 0,
                "font-size": 9, "color": "#56627a", "text-valign": "top", "text-margin-y": -2}},
            {selector: "edge[kind != 'normal']", style: {"line-style": "dotted", "width": 1.5}},
            // the side panel names the boxes of a cross-JVM link; on the long line the labels would only clutter
            {selector: "edge[cross = 'yes']", style: {"line-style": "dashed", "line-dash-pattern": [8, 5],
                "source-label": "", "target-label": ""}},
        ];
        for (const [state, colour] of Object.entries(stateColour)) {
            style.push({selector: "node[state = '" + state + "']", style: {"border-color": colour}});
        }
        style.push({selector: "node[state = 'FAILED'][kind = 'component']", style: {"background-color": "#fdecec"}});
        levelColour.forEach((colour, level) => style.push({selector: "edge[level = " + level + "]",
            style: {"line-color": colour, "target-arrow-color": colour}}));
        style.push({selector: "node:selected", style: {"border-width": 4, "border-color": "#2f6fdb",
            "overlay-opacity": 0}});
        return style;
    }

    function start() {
        cy = cytoscape({
            container: $("graph"),
            style: graphStyle(),
            wheelSensitivity: 0.3,
            boxSelectionEnabled: false,
            minZoom: 0.15,
            maxZoom: 3,
        });
        cy.on("tap", "node[kind = 'component'], node[kind = 'port']", (e) => select(e.target.data("key")));
        for (const th of document.querySelectorAll("#top th[data-sort]")) {
            th.addEventListener("click", () => {
                const key = th.dataset.sort;
                ui.sort = {key, desc: ui.sort.key === key ? !ui.sort.desc : key !== "name" && key !== "jvm"};
                renderTop();
            });
        }
        for (const tab of document.querySelectorAll(".tab")) {
            tab.addEventListener("click", () => showTab(tab.dataset.tab));
        }
        for (const button of document.querySelectorAll("#controls button[data-action]")) {
            button.addEventListener("click", () => command(button.dataset.action));
        }
        $("relayout").addEventListener("click", relayout);
        $("fit").addEventListener("click", () => cy.fit(undefined, 30));
        $("repl-run").addEventListener("click", runRepl);
        $("repl-input").addEventListener("keydown", (e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                runRepl();
            }
        });
        window.k4j = {cy, ui, select, refresh, relayout, applySnapshot};
        refresh().then(connectEvents);
        // When the event stream stalls, fall back to polling the snapshot.
        setInterval(() => {
            if (Date.now() - ui.lastUpdate > 3000) {
                refresh();
            }
        }, 2000);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
