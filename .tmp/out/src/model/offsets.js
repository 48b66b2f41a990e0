/** True when the text has characters outside the Basic Multilingual Plane. */
function hasAstral(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff)
            return true;
    }
    return false;
}
/**
 * Builds a converter for one text. For text without astral characters both offsets are equal
 * and the map costs nothing.
 *
 * @example
 * const map = offsetMap('a😀b');
 * map.toUtf16(2); // 3
 * map.toCodePoint(3); // 2
 */
export function offsetMap(text) {
    if (!hasAstral(text)) {
        const clamp = (n) => Math.max(0, Math.min(n, text.length));
        return { toUtf16: clamp, toCodePoint: clamp };
    }
    const cpToU16 = [];
    const u16ToCp = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length;) {
        cpToU16.push(i);
        const code = text.codePointAt(i);
        const width = code > 0xffff ? 2 : 1;
        for (let k = 0; k < width; k++)
            u16ToCp[i + k] = cp;
        i += width;
        cp++;
    }
    cpToU16.push(text.length);
    u16ToCp[text.length] = cp;
    return {
        toUtf16: (n) => cpToU16[Math.max(0, Math.min(n, cp))],
        toCodePoint: (n) => u16ToCp[Math.max(0, Math.min(n, text.length))],
    };
}
