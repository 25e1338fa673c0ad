// Builds what the pages load of KERN UX (`npm run build`, run by `make install`): frontend/dist/, served as
// /static/kern/ (STATICFILES_DIRS). Never edited by hand; frontend/purge.json says what goes in.
//
//   kern.css   KERN's stylesheet with only the rules whose classes our templates, Python code and scripts
//              can emit (PurgeCSS over purge.json's `content`, plus its `safelist` for classes assembled at
//              render time), headed by the @font-face rules of the fonts below.
//   fonts/     Fira Sans, only the weights and styles in purge.json, cut into the Latin and Latin Extended
//              ranges (a browser loads a range only when a page has a character in it); `font-display:
//              swap` shows the text in a fallback font while they load. Other scripts (Greek, Cyrillic)
//              fall back to the system's sans-serif.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { PurgeCSS } from "purgecss";
import subsetFont from "subset-font";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const KERN = join(ROOT, "node_modules", "@kern-ux", "native", "dist");
const OUT = join(ROOT, "frontend", "dist");
const config = JSON.parse(await readFile(join(ROOT, "frontend", "purge.json"), "utf8"));

// Custom properties that our own stylesheets read from KERN (var(--kern-…)) stay, whether KERN's kept rules
// use them or not.
const ownCss = await Promise.all(
    ["site.css", "discover.css", "dashboard.css"].map((name) => readFile(join(ROOT, "static", "css", name), "utf8")),
);
const ownVariables = [...new Set(ownCss.join("\n").match(/--kern-[\w-]+/g) ?? [])];

const [purged] = await new PurgeCSS().purge({
    content: config.content.map((pattern) => join(ROOT, pattern)),
    css: [join(KERN, "kern.min.css")],
    safelist: { standard: Object.values(config.safelist).map((pattern) => new RegExp(pattern)), variables: ownVariables },
    variables: true,
    keyframes: true,
    fontFace: true,
});

function codepoints(ranges) {
    let text = "";
    for (const range of ranges.split(",")) {
        const [first, last = first] = range.trim().replace("U+", "").split("-");
        for (let point = parseInt(first, 16); point <= parseInt(last, 16); point++) text += String.fromCodePoint(point);
    }
    return text;
}

// The fonts change only with purge.json's `fonts` or KERN's version: cut again only then (it takes a while).
const kernVersion = JSON.parse(await readFile(join(KERN, "..", "package.json"), "utf8")).version;
const fontsKey = JSON.stringify({ kernVersion, fonts: config.fonts });
const fontsDir = join(OUT, "fonts");
const fontsCurrent = (await readFile(join(fontsDir, ".key"), "utf8").catch(() => "")) === fontsKey;
if (!fontsCurrent) {
    await rm(fontsDir, { recursive: true, force: true });
    await mkdir(fontsDir, { recursive: true });
}
const fontFaces = [];
for (const face of config.fonts.faces) {
    const source = fontsCurrent ? null : await readFile(join(KERN, "fonts", "fira-sans", `${face.file}.woff2`));
    for (const [subset, ranges] of Object.entries(config.fonts.subsets)) {
        const name = `fira-sans-${face.weight}${face.style === "italic" ? "-italic" : ""}-${subset}.woff2`;
        if (!fontsCurrent) {
            await writeFile(join(fontsDir, name), await subsetFont(source, codepoints(ranges), { targetFormat: "woff2" }));
        }
        fontFaces.push(
            `@font-face{font-family:"${config.fonts.family}";font-style:${face.style};font-weight:${face.weight};` +
                `font-display:swap;src:url("fonts/${name}") format("woff2");unicode-range:${ranges.replace(/\s+/g, "")}}`,
        );
    }
}
if (!fontsCurrent) await writeFile(join(fontsDir, ".key"), fontsKey);

// Every weight a kept rule asks for has its face (a missing one would be synthesised or substituted).
const css = purged.css;
const weights = new Set(
    [...css.matchAll(/font-weight:\s*(?:var\([\w-]+,\s*)?(\d{3})/g), ...ownCss.join("\n").matchAll(/font-weight:\s*(\d{3})/g)]
        .map((match) => Number(match[1])),
);
const built = new Set(config.fonts.faces.map((face) => face.weight));
const missing = [...weights].filter((weight) => !built.has(weight));
if (missing.length) throw new Error(`font-weight ${missing.join(", ")} is used but not in purge.json's fonts`);

const stylesheet = `/* KERN UX ${kernVersion} (EUPL-1.2), only the parts this site uses: built by frontend/build.mjs, do not edit. */\n${fontFaces.join("\n")}\n${css}\n`;
await writeFile(join(OUT, "kern.css"), stylesheet);
console.log(`frontend/dist/kern.css: ${stylesheet.length} bytes, ${gzipSync(stylesheet, { level: 9 }).length} gzip`);
