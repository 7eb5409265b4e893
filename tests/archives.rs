//! `.zip` archives as ordinary tools make them: deflated or stored, files in
//! folders, macOS litter, several formats together; and archives made to
//! hurt (zip bombs, lying headers, damage), which must fail with a message
//! naming the file rather than freeze the tab. Archives are built here with
//! the `zip` crate, so no outside tool is needed.
//!
//! Offsets are code points, half-open, as everywhere in Wasim.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Write};

use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, ZipArchive, ZipWriter};

use wasim::core::formats::brat::Brat;
use wasim::core::formats::zip::{self as archive, Limits};
use wasim::core::formats::{
    ExportOptions, Format, ImportError, Imported, InputFile, import_edit, import_files,
};
use wasim::core::model::{Document, Workspace};

/// An archive of `(path, content)` entries, each with `method`; a path
/// ending in `/` is a folder.
fn make_zip(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (path, bytes) in entries {
        if path.ends_with('/') {
            writer.add_directory(*path, options).expect("folder");
        } else {
            writer.start_file(*path, options).expect("entry");
            writer.write_all(bytes).expect("write");
        }
    }
    writer.finish().expect("finish").into_inner()
}

fn zip_file(name: &str, bytes: Vec<u8>) -> InputFile {
    InputFile {
        name: name.into(),
        bytes,
    }
}

fn oks(results: Vec<Result<Imported, ImportError>>) -> Vec<Imported> {
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("import failed: {e}")))
        .collect()
}

const TXT: &str = "علي زار بغداد.\nAli visited Baghdad.";
const ANN: &str = "T1\tPER 0 3\tعلي\nT2\tLOC 8 13\tبغداد\nR1\tVisit Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tnote\n";

fn brat_project(method: CompressionMethod) -> Vec<u8> {
    make_zip(
        &[
            ("proj/", b""),
            ("proj/doc1.txt", TXT.as_bytes()),
            ("proj/doc1.ann", ANN.as_bytes()),
            ("proj/annotation.conf", b"[entities]\nPER\nLOC\n"),
            ("proj/visual.conf", b"[labels]\n"),
            ("__MACOSX/proj/._doc1.txt", b"\0\x05\x16\x07junk"),
            ("proj/.DS_Store", b"\0\0\0\x01Bud1"),
            ("proj/sub/doc1.txt", "Other text".as_bytes()),
        ],
        method,
    )
}

#[test]
fn a_zipped_brat_project_imports_folder_by_folder() {
    for method in [CompressionMethod::Deflated, CompressionMethod::Stored] {
        let results = oks(import_files(vec![zip_file(
            "proj.zip",
            brat_project(method),
        )]));
        assert_eq!(
            results.len(),
            4,
            "{method:?}: the pair, its folder's two .conf files, and the other folder's text"
        );
        assert_eq!(results[1].listed_labels, ["PER", "LOC"], "annotation.conf");
        assert!(results[2].warnings[0].to_string().contains("visual.conf"));
        let pair = &results[0].documents[0];
        assert_eq!(pair.name, "doc1.txt");
        assert_eq!(pair.text, TXT);
        assert_eq!(pair.spans.len(), 2);
        assert_eq!(pair.spans[0].note.as_deref(), Some("note"));
        assert!(
            results[0]
                .warnings
                .iter()
                .any(|w| w.to_string().contains("1 R")),
            "{:?}",
            results[0].warnings
        );
        let plain = &results[3].documents[0];
        assert_eq!(
            (plain.name.as_str(), plain.text.as_str()),
            ("doc1.txt", "Other text")
        );
        assert!(plain.spans.is_empty());
    }
}

#[test]
fn a_zipped_brat_project_exports_its_ann_unchanged_and_deflated() {
    let mut ws = Workspace::default();
    for imported in oks(import_files(vec![zip_file(
        "proj.zip",
        brat_project(CompressionMethod::Deflated),
    )])) {
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
    }
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
    let mut read = ZipArchive::new(Cursor::new(&exported.file.bytes)).expect("zip");
    for i in 0..read.len() {
        let entry = read.by_index(i).expect("entry");
        assert_eq!(
            entry.compression(),
            CompressionMethod::Deflated,
            "{}",
            entry.name().unwrap_or_default()
        );
    }
    let entries = archive::read(&exported.file.bytes).expect("reads");
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "doc1.txt",
            "doc1.ann",
            "doc1-2.txt",
            "doc1-2.ann",
            "annotation.conf",
            "visual.conf"
        ]
    );
    assert_eq!(entries[5].bytes, b"[labels]\n", "visual.conf as it was");
    assert_eq!(entries[1].bytes, ANN.as_bytes());
    assert_eq!(entries[0].bytes, TXT.as_bytes());
    // The project's annotation.conf, declaring too the relation its .ann
    // uses and it did not.
    let conf = String::from_utf8_lossy(&entries[4].bytes);
    assert_eq!(
        conf,
        "[entities]\nPER\nLOC\n\n[relations]\nVisit\tArg1:<ANY>, Arg2:<ANY>\n"
    );
    // And the export reads back through the same door.
    let back = oks(import_files(vec![zip_file(
        "wasim-brat.zip",
        exported.file.bytes,
    )]));
    let documents: usize = back.iter().map(|b| b.documents.len()).sum();
    assert_eq!(documents, 2);
}

/// brat looks for its configuration up the folders: a corpus with
/// `annotation.conf` above `esp/` and `ned/` (as brat-conll2002 ships)
/// keeps it, and writes it back as it was.
#[test]
fn configuration_files_above_the_pairs_are_kept() {
    const CONF: &str =
        "# the corpus's types\n[entities]\nPER\nLOC\n\n[relations]\nVisit\tArg1:PER, Arg2:LOC\n";
    let bytes = make_zip(
        &[
            ("corpus/annotation.conf", CONF.as_bytes()),
            ("corpus/visual.conf", b"[labels]\nPER | Person\n"),
            ("corpus/esp/a.txt", TXT.as_bytes()),
            ("corpus/esp/a.ann", ANN.as_bytes()),
            ("corpus/ned/b.txt", TXT.as_bytes()),
            ("corpus/ned/b.ann", ANN.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    let mut ws = Workspace::default();
    for imported in oks(import_files(vec![zip_file("corpus.zip", bytes)])) {
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
    }
    assert_eq!(ws.documents.len(), 2);
    let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
    let exported = Brat.export(&ws.labels, &docs, ExportOptions::default());
    let entries = archive::read(&exported.file.bytes).expect("reads");
    let entry = |name: &str| {
        let found = entries.iter().find(|e| e.name == name);
        String::from_utf8_lossy(&found.expect(name).bytes).into_owned()
    };
    assert_eq!(entry("annotation.conf"), CONF);
    assert_eq!(entry("visual.conf"), "[labels]\nPER | Person\n");
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
}

#[test]
fn backslashes_in_entry_names_are_folders() {
    let bytes = make_zip(
        &[
            ("proj\\a\\doc.txt", TXT.as_bytes()),
            ("proj\\a\\doc.ann", ANN.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    let results = oks(import_files(vec![zip_file("win.zip", bytes)]));
    assert_eq!(results.len(), 1, "one pair");
    assert_eq!(results[0].documents[0].name, "doc.txt");
    assert_eq!(results[0].documents[0].spans.len(), 2);
}

#[test]
fn other_formats_zipped_together_are_routed_like_loose_files() {
    let bytes = make_zip(
        &[
            (
                "data/a.jsonl",
                br#"{"text":"Ali here","label":[[0,3,"PER"]]}"#,
            ),
            (
                "data/b.spacy.jsonl",
                br#"{"text":"Basra","spans":[{"start":0,"end":5,"label":"LOC"}]}"#,
            ),
            ("c.conll", b"Ali B-PER\nhere O\n"),
            ("notes.txt", "نص عادي".as_bytes()),
            ("inner.zip", b"PK\x05\x06"),
        ],
        CompressionMethod::Deflated,
    );
    let results = import_files(vec![zip_file("mixed.zip", bytes)]);
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("inner.zip in mixed.zip: archives inside archives"),
        "{errors:?}"
    );
    let docs: Vec<(String, usize)> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .flat_map(|i| i.documents.iter().map(|d| (d.text.clone(), d.spans.len())))
        .collect();
    assert_eq!(
        docs,
        [
            ("Ali here".to_owned(), 1),
            ("Basra".to_owned(), 1),
            ("Ali here".to_owned(), 1),
            ("نص عادي".to_owned(), 0)
        ]
    );
}

#[test]
fn errors_inside_an_archive_name_the_entry_and_the_archive() {
    let bytes = make_zip(
        &[
            ("proj/a.txt", b"abc"),
            ("proj/a.ann", b"T1\tPER 0 3\txyz\n"),
        ],
        CompressionMethod::Deflated,
    );
    let results = import_files(vec![zip_file("p.zip", bytes)]);
    let error = results[0].as_ref().expect_err("text mismatch");
    assert!(
        error
            .to_string()
            .starts_with("proj/a.ann in p.zip, line 1: T1 says its text is"),
        "{error}"
    );
}

#[test]
fn a_corpus_readme_and_licence_are_passed_over_not_refused() {
    let bytes = make_zip(
        &[
            ("corpus/README", b"This corpus was annotated with brat."),
            ("corpus/LICENSE.md", b"CC BY 4.0"),
            ("corpus/readme.txt", b"read me"),
            ("corpus/doc1.txt", TXT.as_bytes()),
            ("corpus/doc1.ann", ANN.as_bytes()),
            ("corpus/readme_notes.txt", b"a document all the same"),
            // A README with its .ann is a brat document (Wasim's own export
            // of a document so named).
            ("corpus/README.txt", TXT.as_bytes()),
            ("corpus/README.ann", ANN.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    let imported = oks(import_files(vec![zip_file("corpus.zip", bytes)]));
    let names: Vec<&str> = imported
        .iter()
        .flat_map(|i| i.documents.iter().map(|d| d.name.as_str()))
        .collect();
    assert_eq!(names, ["doc1.txt", "readme_notes.txt", "README.txt"]);
}

#[test]
fn broken_archives_are_clear_errors() {
    let good = brat_project(CompressionMethod::Deflated);
    for cut in [0, 10, good.len() / 2, good.len() - 1] {
        let results = import_files(vec![zip_file("broken.zip", good[..cut].to_vec())]);
        assert_eq!(results.len(), 1);
        let error = results[0].as_ref().expect_err("broken").to_string();
        assert!(error.starts_with("broken.zip: "), "{error}");
    }
    // Damage inside the deflated data: a checksum or inflate error naming the entry.
    let bytes = make_zip(
        &[("a.txt", "نص ".repeat(2000).as_bytes())],
        CompressionMethod::Deflated,
    );
    let mut damaged = bytes.clone();
    damaged[60] ^= 0xFF;
    let error = archive::read(&damaged).expect_err("damaged").to_string();
    assert!(error.contains("a.txt"), "{error}");
    // Nothing importable.
    let empty = make_zip(
        &[("proj/", b""), ("proj/annotation.conf", b"")],
        CompressionMethod::Stored,
    );
    let error = import_files(vec![zip_file("e.zip", empty)])[0]
        .as_ref()
        .expect_err("empty")
        .to_string();
    assert!(error.contains("holds no files Wasim reads"), "{error}");
}

const SMALL: Limits = Limits {
    max_total_bytes: 1024 * 1024,
    max_entries: 10,
};

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    // 8 MiB of zeros deflate to a few KiB; the limit here is 1 MiB (the real
    // one is 512 MiB, which would make the test slow, not different).
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let bomb = make_zip(&[("bomb.txt", &zeros)], CompressionMethod::Deflated);
    assert!(bomb.len() < 64 * 1024);
    let error = archive::read_with_limits(&bomb, SMALL)
        .expect_err("bomb")
        .to_string();
    assert_eq!(
        error,
        "with bomb.txt (8 MiB), the archive would unpack to 8 MiB, past the 1 MiB Wasim reads from one archive"
    );
    // Many small entries add up to the same total.
    let kib = vec![b'a'; 300 * 1024];
    let many = make_zip(
        &[
            ("a.txt", &kib),
            ("b.txt", &kib),
            ("c.txt", &kib),
            ("d.txt", &kib),
        ],
        CompressionMethod::Deflated,
    );
    let error = archive::read_with_limits(&many, SMALL)
        .expect_err("total")
        .to_string();
    // The entry that passes the limit is named with its own size (its
    // size alone was said as the running total's).
    assert!(
        error.starts_with("with d.txt (300 KiB), the archive would unpack to 1.2 MiB"),
        "{error}"
    );
    // Too many entries.
    let names: Vec<String> = (0..11).map(|i| format!("{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let error = archive::read_with_limits(&make_zip(&entries, CompressionMethod::Stored), SMALL)
        .expect_err("count")
        .to_string();
    assert!(error.contains("11 entries"), "{error}");
}

/// Sets every uncompressed-size field of a one-entry archive to `size`.
fn lie_about_size(bytes: &mut [u8], size: u32) {
    let find = |bytes: &[u8], signature: &[u8]| {
        bytes
            .windows(4)
            .position(|w| w == signature)
            .expect("signature")
    };
    let local = find(bytes, b"PK\x03\x04");
    bytes[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
    let central = find(bytes, b"PK\x01\x02");
    bytes[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
}

#[test]
fn a_header_that_understates_its_size_is_caught() {
    let zeros = vec![0u8; 4 * 1024 * 1024];
    let mut bomb = make_zip(&[("liar.txt", &zeros)], CompressionMethod::Deflated);
    lie_about_size(&mut bomb, 100);
    let error = archive::read(&bomb).expect_err("liar").to_string();
    eprintln!("a lying header gives: {error}");
    assert!(error.starts_with("liar.txt"), "{error}");
    let results = import_files(vec![zip_file("liar.zip", bomb)]);
    let error = results[0].as_ref().expect_err("liar").to_string();
    assert!(error.starts_with("liar.zip: liar.txt"), "{error}");
}

/// The CRC-32 ZIP stores, from another implementation than Wasim's.
fn crc(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

/// A one-entry stored archive built by hand, for what the `zip` crate will
/// not write: a raw name, flags, a method, an extra field.
fn hand_made(name: &[u8], flags: u16, method: u16, extra: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let common = |out: &mut Vec<u8>| {
        for v in [20u16, flags, method, 0, 0x21] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc(data), data.len() as u32, data.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&(extra.len() as u16).to_le_bytes());
    };
    out.extend_from_slice(b"PK\x03\x04");
    common(&mut out);
    out.extend_from_slice(name);
    out.extend_from_slice(extra);
    out.extend_from_slice(data);
    let start = out.len();
    out.extend_from_slice(b"PK\x01\x02\x14\x03");
    common(&mut out);
    out.extend_from_slice(&[0; 14]); // comment, disk, attributes, local offset 0
    out.extend_from_slice(name);
    out.extend_from_slice(extra);
    let len = out.len() - start;
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out.extend_from_slice(&(start as u32).to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn names(entries: &[archive::Entry]) -> Vec<&str> {
    entries.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn archives_written_other_ways_read_the_same() {
    let text = "نص عربي ".repeat(500);
    let files: [(&str, &[u8]); 3] = [
        ("أ/نص.txt", text.as_bytes()),
        ("b.txt", b"plain"),
        ("empty.txt", b""),
    ];
    let expected: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
        .collect();
    let read_back = |bytes: &[u8], how: &str| {
        let entries = archive::read(bytes).unwrap_or_else(|e| panic!("{how}: {e}"));
        let got: Vec<(String, Vec<u8>)> = entries.into_iter().map(|e| (e.name, e.bytes)).collect();
        assert_eq!(got, expected, "{how}");
    };
    for method in [CompressionMethod::Deflated, CompressionMethod::Stored] {
        let plain = make_zip(&files, method);
        read_back(&plain, "plain");
        // A self-extractor: bytes before the archive, offsets not moved.
        let mut prefixed = vec![0x4d; 1000];
        prefixed.extend_from_slice(&plain);
        read_back(&prefixed, "prefixed");
        // Sizes after the data (a data descriptor), as streaming tools write.
        let mut writer = ZipWriter::new_stream(Vec::new());
        let options = SimpleFileOptions::default().compression_method(method);
        for (name, bytes) in &files {
            writer.start_file(*name, options).expect("entry");
            writer.write_all(bytes).expect("write");
        }
        read_back(&writer.finish().expect("finish").into_inner(), "streamed");
        // ZIP64 fields for every entry, and an archive comment.
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let options = options.large_file(true);
        for (name, bytes) in &files {
            writer.start_file(*name, options).expect("entry");
            writer.write_all(bytes).expect("write");
        }
        writer.set_comment("تعليق").expect("comment");
        read_back(&writer.finish().expect("finish").into_inner(), "zip64");
    }
}

#[test]
fn names_in_code_page_437_or_in_a_unicode_path_field_are_read() {
    // "ÄÖ.txt" in code page 437, unflagged, as old Windows tools wrote it.
    let entries = archive::read(&hand_made(b"\x8e\x99.txt", 0, 0, b"", b"x")).expect("cp437");
    assert_eq!(names(&entries), ["ÄÖ.txt"]);
    // The same raw name with Info-ZIP's Unicode path field: the field wins,
    // but only when its checksum is that of the raw name.
    let raw = b"\x8e\x99.txt";
    let unicode = "خبر.txt".as_bytes();
    let field = |crc32: u32| {
        let mut field = vec![0x75, 0x70];
        field.extend_from_slice(&(5 + unicode.len() as u16).to_le_bytes());
        field.push(1);
        field.extend_from_slice(&crc32.to_le_bytes());
        field.extend_from_slice(unicode);
        field
    };
    let entries = archive::read(&hand_made(raw, 0, 0, &field(crc(raw)), b"x")).expect("0x7075");
    assert_eq!(names(&entries), ["خبر.txt"]);
    let entries = archive::read(&hand_made(raw, 0, 0, &field(0), b"x")).expect("stale field");
    assert_eq!(names(&entries), ["ÄÖ.txt"]);
    // UTF-8 names read as UTF-8, flagged or not.
    let utf8 = "ملف.txt".as_bytes();
    for flags in [0, 1 << 11] {
        let entries = archive::read(&hand_made(utf8, flags, 0, b"", b"x")).expect("utf-8");
        assert_eq!(names(&entries), ["ملف.txt"]);
    }
}

#[test]
fn encrypted_entries_and_other_methods_are_refused_by_name() {
    let error = archive::read(&hand_made(b"secret.txt", 1, 0, b"", b"x"))
        .expect_err("encrypted")
        .to_string();
    assert_eq!(
        error,
        "secret.txt is encrypted; Wasim cannot read password-protected archives"
    );
    let error = archive::read(&hand_made(b"b.txt", 0, 12, b"", b"x"))
        .expect_err("bzip2")
        .to_string();
    assert!(
        error.starts_with("b.txt is compressed with a method Wasim does not read"),
        "{error}"
    );
    // A stored entry whose bytes do not match its checksum.
    let mut bytes = hand_made(b"c.txt", 0, 0, b"", b"abc");
    let at = bytes.windows(3).position(|w| w == b"abc").expect("data");
    bytes[at] = b'x';
    let error = archive::read(&bytes).expect_err("checksum").to_string();
    assert_eq!(error, "c.txt is damaged: its checksum does not match");
}

#[test]
fn what_wasim_writes_another_reader_reads() {
    let entries = vec![
        archive::Entry {
            name: "مجلد/خبر.txt".into(),
            bytes: "بغداد ".repeat(1000).into_bytes(),
        },
        archive::Entry {
            name: "empty.ann".into(),
            bytes: Vec::new(),
        },
    ];
    let bytes = archive::write(&entries).expect("writes");
    let mut other = ZipArchive::new(Cursor::new(&bytes)).expect("zip crate reads it");
    assert_eq!(other.len(), 2);
    for (i, entry) in entries.iter().enumerate() {
        let mut file = other.by_index(i).expect("entry");
        assert_eq!(file.name().expect("name"), entry.name.as_str());
        assert_eq!(file.compression(), CompressionMethod::Deflated);
        assert_eq!(file.unix_mode(), Some(0o100_644));
        let mut content = Vec::new();
        // Reading to the end checks the CRC-32.
        std::io::Read::read_to_end(&mut file, &mut content).expect("content and checksum");
        assert_eq!(content, entry.bytes);
    }
    assert!(bytes.len() < 500, "deflated: {} bytes", bytes.len());
}

#[test]
fn more_entries_than_a_classic_directory_holds_get_zip64_end_records() {
    let entries: Vec<archive::Entry> = (0..70_000)
        .map(|i| archive::Entry {
            name: format!("{i}.txt"),
            bytes: Vec::new(),
        })
        .collect();
    let bytes = archive::write(&entries).expect("writes");
    let other = ZipArchive::new(Cursor::new(&bytes)).expect("zip crate reads it");
    assert_eq!(other.len(), 70_000);
    assert_eq!(
        other.name_for_index(69_999).and_then(Result::ok).as_deref(),
        Some("69999.txt")
    );
    let limits = Limits {
        max_total_bytes: 1024,
        max_entries: 100_000,
    };
    let read = archive::read_with_limits(&bytes, limits).expect("reads its own");
    assert_eq!(read.len(), 70_000);
    assert_eq!(read[69_999].name, "69999.txt");
}
