//! One source file's YAML through the loader's parser and field checks
//! (`corpus::parse_source`): never a panic, and every error located inside the file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader refuses bytes that are not UTF-8 before parsing; lossy decoding lets every
    // input reach the parser instead.
    let text = String::from_utf8_lossy(data);
    let path = Path::new("content/sources/fuzz.yaml");
    let Err(errors) = corpus::parse_source(path, &text) else {
        return;
    };
    assert!(!errors.0.is_empty(), "an error result without errors");
    // YAML ends a line at \r\n, \n or a lone \r, and so do the reported line numbers.
    let lines = text.replace("\r\n", "\n").split(['\n', '\r']).count() as u64;
    for error in &errors.0 {
        assert_eq!(error.path, path);
        if let Some(line) = error.line {
            assert!((1..=lines).contains(&line), "line {line} of a {lines}-line file: {error}");
        }
        assert!(error.column.is_none_or(|c| c >= 1), "column 0: {error}");
        assert!(!error.message.is_empty(), "an error without a message at {:?}", error.line);
        let _ = errors.to_string();
    }
});
