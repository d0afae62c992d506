// Drives the introspector's web UI in headless Chromium (playwright-core), run by run.sh:
//
//   run.sh introspector-ui.js URL SCREENSHOT NAMES TARGET
//
// URL is the introspection URL with its token, NAMES a comma-separated list of component names that must all
// appear in the graph, TARGET the name of a (leaf) component to click. The script clicks TARGET in the graph,
// reads its inbox depth in the side panel, presses Pause, waits for the state to read PAUSED, then for its
// inbox depth to grow (its producer keeps sending), and saves a screenshot. It prints one "KEY: value" line
// per step and "RESULT: ok" at the end; any failure prints "FAILED: ..." and exits 1.
"use strict";

const {chromium} = require("playwright-core");

const TIMEOUT = 60000;
const [url, screenshot, namesArg, target] = process.argv.slice(2);
if (!url || !screenshot || !namesArg || !target) {
    console.error("usage: introspector-ui.js URL SCREENSHOT NAMES TARGET");
    process.exit(2);
}
const names = namesArg.split(",");

async function main() {
    const browser = await chromium.launch({
        executablePath: process.env.K4J_CHROMIUM || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"],
    });
    try {
        const page = await browser.newPage({viewport: {width: 1440, height: 900}});
        const pageErrors = [];
        page.on("pageerror", (e) => pageErrors.push(e.message));
        page.on("console", (m) => {
            if (m.type() === "error") {
                console.log("console-error: " + m.text());
            }
        });
        await page.goto(url);

        await page.waitForFunction((wanted) => window.k4j
            && wanted.every((n) => window.k4j.cy.nodes().some((node) => node.data("name") === n)),
        names, {timeout: TIMEOUT});
        const shown = await page.evaluate(() => window.k4j.cy.nodes("[kind = 'component']").map((n) => n.data("name")));
        console.log("COMPONENTS: " + shown.sort().join(","));
        console.log("TOP-ROWS: " + await page.locator("[data-testid=top-row]").count());

        // Click the component where it is drawn on the canvas.
        await page.evaluate(() => window.k4j.cy.fit(undefined, 30));
        const position = await page.evaluate((name) =>
            window.k4j.cy.nodes().filter((n) => n.data("name") === name)[0].renderedPosition(), target);
        const graph = await page.locator("#graph").boundingBox();
        await page.mouse.click(graph.x + position.x, graph.y + position.y);
        await page.waitForFunction((name) =>
            document.querySelector("[data-testid=detail-name]").textContent === name, target, {timeout: TIMEOUT});
        const depth = await page.textContent("[data-testid=inbox-depth-inbox]");
        console.log("SELECTED: " + target);
        console.log("INBOX-DEPTH: " + depth);
        console.log("STATE-BEFORE: " + await page.textContent("[data-testid=detail-state]"));

        await page.click("[data-testid=btn-pause]");
        await page.waitForFunction(() =>
            document.querySelector("[data-testid=detail-state]").textContent === "PAUSED", null, {timeout: TIMEOUT});
        console.log("STATE-AFTER: PAUSED");
        console.log("COMMAND-RESULT: " + await page.textContent("[data-testid=command-result]"));

        await page.waitForFunction(() =>
            Number(document.querySelector("[data-testid=inbox-depth-inbox]").textContent.replace(/,/g, "")) > 0,
        null, {timeout: TIMEOUT});
        console.log("INBOX-DEPTH-PAUSED: " + await page.textContent("[data-testid=inbox-depth-inbox]"));

        await page.screenshot({path: screenshot});
        console.log("SCREENSHOT: " + screenshot);
        if (pageErrors.length) {
            throw new Error("errors in the page: " + pageErrors.join("; "));
        }
        console.log("RESULT: ok");
    } finally {
        await browser.close();
    }
}

main().catch((e) => {
    console.log("FAILED: " + (e && e.stack ? e.stack : e));
    process.exit(1);
});
