// Checks the web UI of a read-only introspection server with the REPL and an STM store, in headless Chromium
// (playwright-core), run by run.sh:
//
//   run.sh introspector-ui-readonly.js URL TARGET STORE KEY
//
// URL is the introspection URL with its token, TARGET the name of a component to select, STORE and KEY an STM
// store and one of its keys. The script selects TARGET and reads the Pause button's state and tooltip, reads
// KEY's row in the store browser, and evaluates "6 * 7" in the REPL panel. It prints one "KEY: value" line per
// step and "RESULT: ok" at the end; any failure prints "FAILED: ..." and exits 1.
"use strict";

const {report, drive} = require("./common.js");

const TIMEOUT = 60000;
const REPL_TIMEOUT = 180000;    // JShell starts slowly on a loaded machine
const [url, target, store, key] = process.argv.slice(2);
if (!url || !target || !store || !key) {
    console.error("usage: introspector-ui-readonly.js URL TARGET STORE KEY");
    process.exit(2);
}

drive(url, async (page) => {
    await page.waitForFunction((name) => window.k4j && [...window.k4j.ui.comps.values()].some((e) => e.c.name === name),
        target, {timeout: TIMEOUT});
    report("MODE", await page.textContent("[data-testid=mode]"));
    await page.click(`[data-testid=top-row][data-name="${target}"]`);
    report("SELECTED", await page.textContent("[data-testid=detail-name]"));
    report("PAUSE-DISABLED", await page.isDisabled("[data-testid=btn-pause]"));
    report("PAUSE-TOOLTIP", await page.getAttribute("[data-testid=btn-pause]", "title"));

    await page.click("[data-testid=tab-stores]");
    const row = page.locator(`[data-testid="store-${store}"] tr`, {hasText: key}).first();
    report("STORE-ROW", (await row.locator("td").allTextContents()).join(" | "));

    await page.click("[data-testid=tab-repl]");
    await page.fill("[data-testid=repl-input]", "6 * 7");
    await page.click("[data-testid=repl-run]");
    await page.waitForFunction(() => document.querySelectorAll("#repl-output div").length >= 2, null,
        {timeout: REPL_TIMEOUT});
    report("REPL-OUTPUT", await page.textContent("#repl-output div:nth-child(2)"));
});
