// Drives the introspector's web UI in headless Chromium (playwright-core), run by run.sh:
//
//   run.sh introspector-ui.js URL SCREENSHOT NAMES TARGET [JVMS]
//
// URL is the introspection URL with its token, NAMES a comma-separated list of component names that must all
// appear in the graph, TARGET the name of a (leaf) component to click, JVMS (default 1) how many JVMs must
// appear; with more than one, a cross-JVM link must be drawn too. The script checks that two live updates
// leave every node where it was, clicks TARGET in the graph, reads its inbox depth in the side panel, presses
// Pause, waits for the state to read PAUSED, then for its inbox depth to grow (its producer keeps sending), and
// saves a screenshot (and the snapshot it shows, as SCREENSHOT-snapshot.json). It prints one "KEY: value" line
// per step and "RESULT: ok" at the end; any failure prints "FAILED: ..." and exits 1.
"use strict";

const fs = require("fs");
const {report, drive} = require("./common.js");

const TIMEOUT = 60000;
const START_TIMEOUT = 180000;   // stage JVMs start slowly on a loaded machine
const [url, screenshot, namesArg, target, jvmsArg] = process.argv.slice(2);
const jvms = Number(jvmsArg || 1);
if (!url || !screenshot || !namesArg || !target) {
    console.error("usage: introspector-ui.js URL SCREENSHOT NAMES TARGET [JVMS]");
    process.exit(2);
}
const names = namesArg.split(",");

drive(url, async (page) => {
    await page.waitForFunction(([wanted, jvmCount]) => window.k4j
        && wanted.every((n) => window.k4j.cy.nodes().some((node) => node.data("name") === n))
        && window.k4j.cy.nodes("[kind = 'jvm']").length >= jvmCount
        && (jvmCount === 1 || window.k4j.cy.edges("[cross = 'yes']").length > 0),
    [names, jvms], {timeout: START_TIMEOUT});
    report("JVMS", await page.evaluate(() => window.k4j.cy.nodes("[kind = 'jvm']").length));
    report("CROSS-LINKS", await page.evaluate(() => window.k4j.cy.edges("[cross = 'yes']").length));
    const shown = await page.evaluate(() => window.k4j.cy.nodes("[kind = 'component']").map((n) => n.data("name")));
    report("COMPONENTS", shown.sort().join(","));
    report("TOP-ROWS", await page.locator("[data-testid=top-row]").count());

    // Live updates must leave the layout alone: every node is where it was after two more snapshots.
    const positions = () => page.evaluate(() =>
        Object.fromEntries(window.k4j.cy.nodes().map((n) => [n.id(), JSON.stringify(n.position())])));
    const before = await positions();
    for (let i = 0; i < 2; i++) {
        const seen = await page.evaluate(() => window.k4j.ui.lastUpdate);
        await page.waitForFunction((t) => window.k4j.ui.lastUpdate > t, seen, {timeout: TIMEOUT});
    }
    const after = await positions();
    report("LAYOUT-STABLE", Object.keys(before).every((id) => before[id] === after[id]));

    // Click the component where it is drawn on the canvas.
    await page.evaluate(() => {
        window.k4j.cy.fit(undefined, 30);   // returns nothing: serializing the graph would take minutes
    });
    const position = await page.evaluate((name) =>
        window.k4j.cy.nodes().filter((n) => n.data("name") === name)[0].renderedPosition(), target);
    const graph = await page.locator("#graph").boundingBox();
    await page.mouse.click(graph.x + position.x, graph.y + position.y);
    await page.waitForFunction((name) =>
        document.querySelector("[data-testid=detail-name]").textContent === name, target, {timeout: TIMEOUT});
    const depth = await page.textContent("[data-testid=inbox-depth-inbox]");
    report("SELECTED", target);
    report("INBOX-DEPTH", depth);
    report("STATE-BEFORE", await page.textContent("[data-testid=detail-state]"));

    await page.click("[data-testid=btn-pause]");
    await page.waitForFunction(() =>
        document.querySelector("[data-testid=detail-state]").textContent === "PAUSED", null, {timeout: TIMEOUT});
    report("STATE-AFTER", "PAUSED");
    report("COMMAND-RESULT", await page.textContent("[data-testid=command-result]"));

    await page.waitForFunction(() =>
        Number(document.querySelector("[data-testid=inbox-depth-inbox]").textContent.replace(/,/g, "")) > 0,
    null, {timeout: TIMEOUT});
    report("INBOX-DEPTH-PAUSED", await page.textContent("[data-testid=inbox-depth-inbox]"));

    await page.screenshot({path: screenshot});
    const json = screenshot.replace(/\.png$/, "") + "-snapshot.json";
    fs.writeFileSync(json, await page.evaluate(() => JSON.stringify(window.k4j.ui.snapshot, null, 1)));
    report("SCREENSHOT", screenshot);
});
