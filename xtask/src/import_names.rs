//! Short names for the wasm's imports from its JS glue (what binaryen's `--minify-imports`
//! does for Emscripten, for a wasm-bindgen pair).
//!
//! wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, and the module they come
//! from `./<crate>_bg.js`: every name is written twice (the wasm's import section, the glue's
//! import object), and the hex digits do not compress. Measured on this app: 108 imports,
//! 3.7 KB of names; renamed, the first visit is 3.6 KB gzip smaller (BENCHMARKS.md).
//!
//! The wasm's import section is rewritten entry by entry (same order, same kinds, same
//! descriptors: no index in the module moves) and every other byte is copied. In the glue each
//! old name is replaced as a whole identifier; the build stops if a name is missing from the
//! glue or a new name is already used there, so a changed wasm-bindgen output cannot produce a
//! page that fails to link.

/// The rewritten wasm and glue. The glue's module (wasm-bindgen's `./<name>_bg.js`) becomes
/// `w`, and its imports `$0`, `$1`, …; imports from other modules are left as they are.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    let (header, start, end) = import_section(wasm)?;
    let imports = parse_imports(&wasm[start..end])?;
    let mut glue_modules: Vec<&str> = imports
        .iter()
        .map(|i| i.module.as_str())
        .filter(|m| m.ends_with("_bg.js"))
        .collect();
    glue_modules.dedup();
    let [module] = glue_modules[..] else {
        return Err(format!(
            "the wasm must import from one wasm-bindgen glue module (`./<name>_bg.js`), not {glue_modules:?}"
        ));
    };
    let mut renamed = Vec::new();
    let mut body = leb(imports.len() as u64);
    for (i, import) in imports.iter().enumerate() {
        let (module_name, field) = if import.module == module {
            let short = format!("${}", base36(i));
            renamed.push((import.field.clone(), short.clone()));
            ("w".to_string(), short)
        } else {
            (import.module.clone(), import.field.clone())
        };
        body.extend(name(&module_name));
        body.extend(name(&field));
        body.extend_from_slice(&import.desc);
    }
    let mut out = wasm[..header].to_vec();
    out.push(IMPORT_SECTION);
    out.extend(leb(body.len() as u64));
    out.extend(body);
    out.extend_from_slice(&wasm[end..]);

    let quoted = format!("\"{module}\"");
    if js.matches(&quoted).count() != 1 {
        return Err(format!(
            "the glue names its module {quoted} {} times (expected once)",
            js.matches(&quoted).count()
        ));
    }
    let mut glue = js.replacen(&quoted, "w", 1);
    for (old, new) in &renamed {
        if count_identifier(&glue, new) > 0 {
            return Err(format!("the glue already uses the identifier `{new}`"));
        }
        let (text, n) = replace_identifier(&glue, old, new);
        if n == 0 {
            return Err(format!("the glue does not name the import `{old}`"));
        }
        glue = text;
    }
    Ok((out, glue))
}

const IMPORT_SECTION: u8 = 2;

struct Import {
    module: String,
    field: String,
    /// The import descriptor's bytes, copied as they are.
    desc: Vec<u8>,
}

/// Where the import section starts (its id byte), where its body starts, and where it ends.
fn import_section(wasm: &[u8]) -> Result<(usize, usize, usize), String> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".to_string());
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body) = read_leb(wasm, at + 1)?;
        let end = body + size as usize;
        if end > wasm.len() {
            return Err(format!("section {id} runs past the end of the module"));
        }
        if id == IMPORT_SECTION {
            return Ok((at, body, end));
        }
        at = end;
    }
    Err("the wasm has no import section".to_string())
}

fn parse_imports(body: &[u8]) -> Result<Vec<Import>, String> {
    let (count, mut at) = read_leb(body, 0)?;
    let mut imports = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (module, next) = read_name(body, at)?;
        let (field, next) = read_name(body, next)?;
        let desc_start = next;
        let kind = *body.get(next).ok_or("import kind missing")?;
        let mut at_desc = next + 1;
        match kind {
            // function: type index
            0 => at_desc = read_leb(body, at_desc)?.1,
            // table: reference type, then limits
            1 => at_desc = read_limits(body, at_desc + 1)?,
            // memory: limits
            2 => at_desc = read_limits(body, at_desc)?,
            // global: value type, mutability
            3 => at_desc += 2,
            // tag: attribute, type index
            4 => at_desc = read_leb(body, at_desc + 1)?.1,
            other => return Err(format!("unknown import kind {other}")),
        }
        imports.push(Import {
            module,
            field,
            desc: body
                .get(desc_start..at_desc)
                .ok_or("import descriptor cut short")?
                .to_vec(),
        });
        at = at_desc;
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".to_string());
    }
    Ok(imports)
}

/// Limits: a flag byte, the minimum, and the maximum when flag bit 0 is set (bit 2 of the
/// flag marks 64-bit memories; the numbers are LEB128 either way).
fn read_limits(bytes: &[u8], at: usize) -> Result<usize, String> {
    let flags = *bytes.get(at).ok_or("limits missing")?;
    let mut at = read_leb(bytes, at + 1)?.1;
    if flags & 1 != 0 {
        at = read_leb(bytes, at)?.1;
    }
    Ok(at)
}

fn read_name(bytes: &[u8], at: usize) -> Result<(String, usize), String> {
    let (len, start) = read_leb(bytes, at)?;
    let end = start + len as usize;
    let text = bytes.get(start..end).ok_or("name cut short")?;
    let text = std::str::from_utf8(text).map_err(|_| "name is not UTF-8".to_string())?;
    Ok((text.to_string(), end))
}

/// An unsigned LEB128 at `at`: its value and the index after it.
fn read_leb(bytes: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(at).ok_or("number cut short")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("number too long".to_string())
}

fn leb(mut value: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn name(text: &str) -> Vec<u8> {
    let mut out = leb(text.len() as u64);
    out.extend_from_slice(text.as_bytes());
    out
}

fn base36(mut n: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![DIGITS[n % 36]];
    n /= 36;
    while n > 0 {
        out.push(DIGITS[n % 36]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Byte offsets of `word` in `text` where it is a whole identifier.
fn identifier_at(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(is_identifier_char) && !after.is_some_and(is_identifier_char)
        })
        .collect()
}

fn count_identifier(text: &str, word: &str) -> usize {
    identifier_at(text, word).len()
}

/// `text` with every whole-identifier `old` replaced by `new`, and how many there were.
fn replace_identifier(text: &str, old: &str, new: &str) -> (String, usize) {
    let at = identifier_at(text, old);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for &i in &at {
        out.push_str(&text[last..i]);
        out.push_str(new);
        last = i + old.len();
    }
    out.push_str(&text[last..]);
    (out, at.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type section, three imports (two from the glue, one from elsewhere: a
    /// function, a memory with a maximum, a global) and a custom section after them.
    fn module() -> Vec<u8> {
        let mut imports = leb(3);
        imports.extend(name("./app_bg.js"));
        imports.extend(name("__wbg_now_0123456789abcdef"));
        imports.extend([0, 0]);
        imports.extend(name("./app_bg.js"));
        imports.extend(name("__wbindgen_memory"));
        imports.extend([2, 1, 17, 0x80, 0x01]);
        imports.extend(name("env"));
        imports.extend(name("g"));
        imports.extend([3, 0x7f, 0]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        wasm.extend(leb(imports.len() as u64));
        wasm.extend(imports);
        wasm.extend([0, 3, 1, b'x', 9]);
        wasm
    }

    const GLUE: &str = "function f(){return{\"./app_bg.js\":{__wbg_now_0123456789abcdef:function(){return __wbg_now_0123456789abcdefX+1},__wbindgen_memory:m}}}";

    #[test]
    fn renames_the_glue_imports_in_both_files_and_keeps_the_rest() {
        let Ok((wasm, js)) = shorten(&module(), GLUE) else {
            panic!("the test module must rewrite");
        };
        assert_eq!(
            js,
            "function f(){return{w:{$0:function(){return __wbg_now_0123456789abcdefX+1},$1:m}}}"
        );
        let (_, start, end) = import_section(&wasm).unwrap_or_default();
        let imports = parse_imports(&wasm[start..end]).unwrap_or_default();
        let names: Vec<(&str, &str)> = imports
            .iter()
            .map(|i| (i.module.as_str(), i.field.as_str()))
            .collect();
        assert_eq!(names, [("w", "$0"), ("w", "$1"), ("env", "g")]);
        assert_eq!(imports[1].desc, [2, 1, 17, 0x80, 0x01]);
        // The sections before and after the imports are untouched.
        assert_eq!(&wasm[..14], &module()[..14]);
        assert!(wasm.ends_with(&[0, 3, 1, b'x', 9]));
    }

    #[test]
    fn refuses_what_would_not_link() {
        let fail = |js: &str| shorten(&module(), js).err();
        assert_eq!(
            fail("{\"./app_bg.js\":{}}"),
            Some("the glue does not name the import `__wbg_now_0123456789abcdef`".to_string())
        );
        assert_eq!(
            fail("{\"./app_bg.js\":{__wbg_now_0123456789abcdef:$0}}"),
            Some("the glue already uses the identifier `$0`".to_string())
        );
        assert_eq!(
            fail("{\"./other_bg.js\":{}}"),
            Some("the glue names its module \"./app_bg.js\" 0 times (expected once)".to_string())
        );
        assert_eq!(
            shorten(b"not wasm", GLUE).err(),
            Some("not a wasm module".to_string())
        );
    }

    #[test]
    fn numbers_round_trip_and_names_stay_identifiers() {
        for n in [0u64, 1, 127, 128, 300, 1 << 20] {
            assert_eq!(read_leb(&leb(n), 0), Ok((n, leb(n).len())));
        }
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(
            replace_identifier("a ab a$ a", "a", "b"),
            ("b ab a$ b".to_string(), 2)
        );
    }
}
