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

import postcss from "postcss";
import { PurgeCSS } from "purgecss";
import subsetFont from "subset-font";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const KERN = join(ROOT, "node_modules", "@kern-ux", "native", "dist");
const OUT = join(ROOT, "frontend", "dist");
const config = JSON.parse(await readFile(join(ROOT, "frontend", "purge.json"), "utf8"));

const ownCss = (
    await Promise.all(
        ["site.css", "discover.css", "dashboard.css"].map((name) => readFile(join(ROOT, "static", "css", name), "utf8")),
    )
).join("\n");
const reads = (css) => [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]);

// KERN's design tokens (rules that only set custom properties: :root, the themes, the levels) are taken
// out before purging and cut by hand afterwards: PurgeCSS drops the rule that gives <body> its
// "-contextual" tokens (`:is(body, …):not([class*=kern-level-])`), and it removes a property that only
// another kept property reads, which breaks the chain silently (a border in its fallback colour).
const isTokenRule = (rule) => rule.nodes.length > 0 && rule.nodes.every((node) => node.type === "decl" && node.prop.startsWith("--"));
const dropEmptyAtRules = (root) =>
    root.walkAtRules((atRule) => {
        if (atRule.nodes && !atRule.nodes.some((node) => node.type === "rule" || node.type === "atrule")) atRule.remove();
    });
const kern = postcss.parse(await readFile(join(KERN, "kern.min.css"), "utf8"));
const tokens = kern.clone();
tokens.walkRules((rule) => {
    if (!isTokenRule(rule)) rule.remove();
});
dropEmptyAtRules(tokens);
const components = kern.clone();
components.walkRules((rule) => {
    if (isTokenRule(rule)) rule.remove();
});
dropEmptyAtRules(components);

const [purged] = await new PurgeCSS().purge({
    content: config.content.map((pattern) => join(ROOT, pattern)),
    css: [{ raw: components.toString() }],
    safelist: { standard: Object.values(config.safelist).map((pattern) => new RegExp(pattern)) },
    keyframes: true,
    fontFace: true,
});

// The tokens that the kept rules and our own stylesheets read, and every token those read in turn.
const tokenValues = new Map();
tokens.walkDecls(/^--/, (declaration) => {
    tokenValues.set(declaration.prop, [...(tokenValues.get(declaration.prop) ?? []), declaration.value]);
});
const needed = new Set([...reads(purged.css), ...reads(ownCss)]);
for (const name of needed) for (const value of tokenValues.get(name) ?? []) reads(value).forEach((used) => needed.add(used));
tokens.walkDecls(/^--/, (declaration) => {
    if (!needed.has(declaration.prop)) declaration.remove();
});
tokens.walkRules((rule) => {
    if (rule.nodes.length === 0) rule.remove();
});
dropEmptyAtRules(tokens);

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
const css = `${tokens.toString()}\n${purged.css}`;
const weights = new Set(
    [...css.matchAll(/font-weight:\s*(?:var\([\w-]+,\s*)?(\d{3})/g), ...ownCss.matchAll(/font-weight:\s*(\d{3})/g)]
        .map((match) => Number(match[1])),
);
const built = new Set(config.fonts.faces.map((face) => face.weight));
const missing = [...weights].filter((weight) => !built.has(weight));
if (missing.length) throw new Error(`font-weight ${missing.join(", ")} is used but not in purge.json's fonts`);

const stylesheet = `/* KERN UX ${kernVersion} (EUPL-1.2), only the parts this site uses: built by frontend/build.mjs, do not edit. */\n${fontFaces.join("\n")}\n${css}\n`;
await writeFile(join(OUT, "kern.css"), stylesheet);
console.log(`frontend/dist/kern.css: ${stylesheet.length} bytes, ${gzipSync(stylesheet, { level: 9 }).length} gzip`);
