// Shared by the browser scripts: starts headless Chromium on a page and reports steps to the JUnit side.
"use strict";

const {chromium} = require("playwright-core");

const started = Date.now();

/** Prints "KEY: value" for the JUnit side, and on stderr when it happened. */
function report(key, value) {
    console.log(key + ": " + value);
    console.error("  (" + key + " at " + (Date.now() - started) + " ms)");
}

/**
 * Runs body(page) on a fresh 1440x900 page of headless Chromium at url; ends the process with 0 and
 * "RESULT: ok" when body succeeded and the page threw nothing, else with 1 and "FAILED: ...".
 */
function drive(url, body) {
    (async () => {
        const browser = await chromium.launch({
            executablePath: process.env.K4J_CHROMIUM || "/usr/bin/chromium",
            args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage"],
        });
        try {
            report("BROWSER-START-MS", Date.now() - started);
            const page = await browser.newPage({viewport: {width: 1440, height: 900}});
            const pageErrors = [];
            page.on("pageerror", (e) => pageErrors.push(e.message));
            page.on("console", (m) => {
                if (m.type() === "error") {
                    console.log("console-error: " + m.text());
                }
            });
            await page.goto(url);
            await body(page);
            if (pageErrors.length) {
                throw new Error("errors in the page: " + pageErrors.join("; "));
            }
            report("TOTAL-MS", Date.now() - started);
            console.log("RESULT: ok");
        } finally {
            await browser.close();
        }
    })().catch((e) => {
        console.log("FAILED: " + (e && e.stack ? e.stack : e));
        process.exit(1);
    });
}

module.exports = {report, drive};
