// Option names: the JS API and the iframe's query take camelCase, attributes are kebab-case.

/** `ctaLabel` → `cta-label`. */
export const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
