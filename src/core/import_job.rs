//! A long import done in steps, so that loading ten thousand articles shows
//! its progress and leaves the page responsive: the UI calls
//! [`ImportJob::step`] with a budget of bytes, gives the browser the main
//! thread back in between, and hands [`ImportJob::finish`]'s results to the
//! reducer, which makes them one undoable edit
//! ([`crate::core::formats::import_prepared`]).
//!
//! Files are read part by part as [`import_files`] reads them (a brat pair
//! together, see [`import_units`]), so the results are the same; a Wasim
//! workspace file is read a document at a time ([`wasim::Reading`]). What a
//! step does is measured in bytes, not time: the core has no clock.
//!
//! [`import_files`]: crate::core::formats::import_files

use std::collections::VecDeque;

use super::formats::wasim::{self, Read, Start};
use super::formats::{
    ImportError, InputFile, Prepared, brat_confs, extension, import_unit, import_units,
};

/// An import in progress.
pub struct ImportJob {
    /// The files, each taken once it is read.
    files: Vec<Option<InputFile>>,
    /// The parts still to read, in order.
    units: VecDeque<Vec<usize>>,
    /// brat's configuration files in the batch, which its brat documents
    /// keep (a copy: each file above is taken once read).
    confs: Vec<InputFile>,
    /// A Wasim workspace being read, and the size of its file.
    reading: Option<(wasim::Reading, usize)>,
    results: Vec<Result<Prepared, ImportError>>,
    /// Bytes of the files read so far (the one being read not counted).
    done: usize,
    total: usize,
}

impl ImportJob {
    /// An import of `files`, nothing read yet.
    pub fn new(files: Vec<InputFile>) -> ImportJob {
        let units = import_units(&files).into();
        let total = files.iter().map(|f| f.bytes.len()).sum();
        let confs = brat_confs(&files).into_iter().cloned().collect();
        ImportJob {
            files: files.into_iter().map(Some).collect(),
            units,
            confs,
            reading: None,
            results: Vec::new(),
            done: 0,
            total,
        }
    }

    /// Everything at once.
    pub fn run(files: Vec<InputFile>) -> Vec<Result<Prepared, ImportError>> {
        let mut job = ImportJob::new(files);
        while !job.step(usize::MAX) {}
        job.finish()
    }

    /// Reads on until about `budget` bytes are read (at least one part or
    /// one document). Returns whether everything is read.
    pub fn step(&mut self, budget: usize) -> bool {
        let mut spent = 0;
        while spent < budget {
            if let Some((reading, size)) = &mut self.reading {
                let (before, _) = reading.progress();
                let outcome = reading.step(budget - spent);
                let (after, _) = reading.progress();
                spent += after.saturating_sub(before).max(1);
                match outcome {
                    Some(Read::Done(prepared)) => {
                        self.done += *size;
                        self.results.push(Ok(prepared));
                        self.reading = None;
                    }
                    Some(Read::Whole(file)) => {
                        let size = *size;
                        self.reading = None;
                        self.read_whole(&[&file], size);
                    }
                    None => {}
                }
                continue;
            }
            let Some(unit) = self.units.pop_front() else {
                return true;
            };
            let files: Vec<InputFile> = unit
                .iter()
                .filter_map(|&i| self.files.get_mut(i).and_then(Option::take))
                .collect();
            let size: usize = files.iter().map(|f| f.bytes.len()).sum();
            match files.as_slice() {
                [file] if extension(&file.name) == "json" => {
                    let file = files.into_iter().next();
                    if let Some(file) = file {
                        match wasim::Reading::start(file) {
                            Start::Reading(reading) => {
                                self.reading = Some((*reading, size));
                                continue;
                            }
                            Start::Whole(file) => self.read_whole(&[&file], size),
                        }
                    }
                }
                _ => {
                    let refs: Vec<&InputFile> = files.iter().collect();
                    self.read_whole(&refs, size);
                }
            }
            spent += size.max(1);
        }
        self.units.is_empty() && self.reading.is_none()
    }

    fn read_whole(&mut self, unit: &[&InputFile], size: usize) {
        let confs: Vec<&InputFile> = self.confs.iter().collect();
        self.results.extend(
            import_unit(unit, &confs)
                .into_iter()
                .map(|r| r.map(Prepared::of)),
        );
        self.done += size;
    }

    /// Bytes read, and in all.
    pub fn progress(&self) -> (usize, usize) {
        let reading = self.reading.as_ref().map_or(0, |(reading, size)| {
            let (read, of) = reading.progress();
            // The documents' share of the file, in the file's bytes (in
            // 64 bits: on wasm32 a `usize` product overflows past 4 GB).
            (read as u64 * *size as u64)
                .checked_div(of as u64)
                .map_or(0, |bytes| bytes as usize)
        });
        (self.done + reading, self.total)
    }

    /// The results, one per file or part as [`import_files`] gives them
    /// (call once [`ImportJob::step`] said everything is read).
    ///
    /// [`import_files`]: crate::core::formats::import_files
    pub fn finish(self) -> Vec<Result<Prepared, ImportError>> {
        self.results
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::{import_files, import_prepared};
    use crate::core::model::Workspace;

    fn file(name: &str, text: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_web_annotation_json_read_in_steps_says_what_it_is() {
        let text = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"items": []}}"#;
        let results = ImportJob::run(vec![file("w.json", text)]);
        let [Err(error)] = results.as_slice() else {
            panic!("one error, got {results:?}")
        };
        assert!(
            error
                .to_string()
                .starts_with("w.json: this is a W3C Web Annotation file"),
            "{error}"
        );
    }

    fn workspace_file(documents: usize) -> InputFile {
        let docs: Vec<String> = (0..documents)
            .map(|i| {
                format!(
                    r#"{{"name":"{i}.txt","text":"زار علي بغداد {i}","done":{},"spans":[{{"start":4,"end":7,"label":"PER","text":"علي"}},{{"start":8,"end":13,"label":"LOC","text":"بغداد"}}]}}"#,
                    i % 3 == 0
                )
            })
            .collect();
        file(
            "ws.json",
            &format!(
                r##"{{"format":"wasim","version":2,"labels":[{{"name":"PER","color":"#ffc38a","key":"1"}},{{"name":"LOC","color":"#9be39b","key":"2"}}],"documents":[{}],"open":{}}}"##,
                docs.join(","),
                documents / 2
            ),
        )
    }

    /// The edit an import makes, and the workspace after it.
    fn outcome(results: Vec<Result<Prepared, ImportError>>) -> Vec<Result<Workspace, String>> {
        results
            .into_iter()
            .map(|result| {
                let mut ws = Workspace::default();
                let (edit, open) = import_prepared(&mut ws, result.map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
                edit.apply(&mut ws).map_err(|e| e.to_string())?;
                ws.open = open.and_then(|i| ws.documents.get(i)).map(|d| d.id);
                Ok(ws)
            })
            .collect()
    }

    fn at_once(files: Vec<InputFile>) -> Vec<Result<Workspace, String>> {
        outcome(
            import_files(files)
                .into_iter()
                .map(|r| r.map(Prepared::of))
                .collect(),
        )
    }

    fn in_steps(files: Vec<InputFile>, budget: usize) -> (Vec<Result<Workspace, String>>, usize) {
        let mut job = ImportJob::new(files);
        let mut steps = 0;
        let mut last = job.progress();
        while !job.step(budget) {
            steps += 1;
            let now = job.progress();
            assert!(now.0 >= last.0 && now.0 <= now.1, "{last:?} then {now:?}");
            last = now;
        }
        assert_eq!(job.progress().0, job.progress().1, "all read at the end");
        (outcome(job.finish()), steps)
    }

    #[test]
    fn a_workspace_read_in_steps_is_the_one_read_at_once() {
        let files = || vec![workspace_file(200)];
        let (stepwise, steps) = in_steps(files(), 2_000);
        assert!(steps > 10, "{steps} steps");
        let expected = at_once(files());
        assert_eq!(stepwise, expected);
        let ws = expected[0].as_ref().expect("valid");
        assert_eq!(ws.documents.len(), 200);
        assert_eq!(ws.open, Some(ws.documents[100].id));
    }

    #[test]
    fn fields_this_version_does_not_read_are_named_read_in_steps_or_at_once() {
        let text = r##"{"format": "wasim", "version": 2, "later": 1,
            "labels": [{"name": "PER", "color": "#ffc38a", "shade": 2}],
            "documents": [{"name": "a", "text": "علي", "spans": [{"start": 0, "end": 3, "label": "PER", "text": "علي", "score": 0.5}], "lang": "ar"}]}"##;
        let files = || vec![file("w.json", text)];
        let said = |results: Vec<Result<Prepared, ImportError>>| -> Vec<String> {
            let Some(Ok(prepared)) = results.into_iter().next() else {
                panic!("read");
            };
            prepared.warnings.iter().map(ToString::to_string).collect()
        };
        let mut job = ImportJob::new(files());
        while !job.step(40) {}
        let stepwise = said(job.finish());
        let whole = import_files(files())
            .into_iter()
            .map(|r| r.map(Prepared::of))
            .collect();
        assert_eq!(stepwise, said(whole));
        let [warning] = stepwise.as_slice() else {
            panic!("{stepwise:?}");
        };
        for field in ["later", "shade", "lang", "score"] {
            assert!(warning.contains(field), "{warning}");
        }
    }

    #[test]
    fn many_files_read_in_steps_are_those_read_at_once() {
        let files = || {
            let mut files: Vec<InputFile> = (0..300)
                .map(|i| file(&format!("{i:03}.txt"), &format!("نص رقم {i}")))
                .collect();
            files.push(file("pair.ann", "T1\tPER 0 3\tعلي\n"));
            files.push(file("lone.ann", "T1\tPER 0 1\tx\n"));
            files.push(file("pair.txt", "علي هنا"));
            files.push(file("bad.bin", "\u{1}"));
            files
        };
        let (stepwise, steps) = in_steps(files(), 300);
        assert!(steps > 5, "{steps} steps");
        assert_eq!(stepwise, at_once(files()));
    }

    #[test]
    fn a_broken_workspace_says_exactly_what_reading_it_whole_says() {
        let good = workspace_file(3);
        let text = String::from_utf8(good.bytes.clone()).expect("utf-8");
        let cases = [
            text.replace(r#""text":"علي"}"#, r#""text":"عمر"}"#),
            text.replace(r#""name":"1.txt","#, ""),
            text.replace(r#""open":1"#, r#""open":7"#),
            text.replace(r#""version":2"#, r#""version":9"#),
            text.replace(r#""format":"wasim""#, r#""format":"other""#),
            text[..text.len() / 2].to_owned(),
            format!("\u{feff}{text}"),
            text.replace(r#""label":"PER""#, r#""label":"NOPE""#),
            format!("{text} x"),
            format!("{text}\n\n"),
            text.replace(r#""version":2,"#, r#""version":2 "#),
            text.replace(r#","open":1"#, r#","documents":[],"open":1"#),
            text.replace(r#","open":1"#, r#","format":"wasim","open":1"#),
            text.replace(r#","open":1"#, ""),
            text.replace(r#""open":1"#, r#""open":null"#),
            text.replace(
                r#"{"name":"0.txt","#,
                r#"{"name":"0.txt","name":"zero.txt","#,
            ),
            text.replace(r#""documents":["#, r#""documents":[7,"#),
            text.replace(
                r#""text":"زار علي بغداد 0""#,
                r#""text":"زار علي\u0000 بغداد 0""#,
            ),
            text.replace(r#""labels":["#, r#""extra":{"a":[1,{"b":"]"}]},"labels":["#),
            "{}".to_owned(),
            r#"{"documents":{}}"#.to_owned(),
        ];
        for case in cases {
            let (stepwise, _) = in_steps(vec![file("ws.json", &case)], 50);
            assert_eq!(stepwise, at_once(vec![file("ws.json", &case)]), "{case}");
        }
        let mut binary = text.clone().into_bytes();
        binary.insert(40, 0);
        let mut not_utf8 = text.into_bytes();
        not_utf8.insert(60, 0xff);
        for bytes in [binary, not_utf8] {
            let bad = || InputFile {
                name: "ws.json".into(),
                bytes: bytes.clone(),
            };
            let (stepwise, _) = in_steps(vec![bad()], 50);
            assert_eq!(stepwise, at_once(vec![bad()]));
            assert!(stepwise[0].is_err());
        }
    }

    #[test]
    fn hostile_labels_are_repaired_alike_in_steps_and_at_once() {
        let text = String::from_utf8(workspace_file(30).bytes).expect("utf-8");
        let evil = text
            .replace(
                "#ffc38a",
                "#00ff00; background-image: url(http://127.0.0.2:9/x.png)",
            )
            .replace(r#""key":"2""#, r#""key":"??""#);
        let warnings = |results: Vec<Result<Prepared, ImportError>>| {
            let prepared = results.into_iter().next().expect("one").expect("read");
            let colours: Vec<String> = prepared.labels.iter().map(|l| l.color.clone()).collect();
            (colours, prepared.warnings)
        };
        let mut job = ImportJob::new(vec![file("evil.json", &evil)]);
        while !job.step(300) {}
        let stepwise = warnings(job.finish());
        let whole = warnings(
            import_files(vec![file("evil.json", &evil)])
                .into_iter()
                .map(|r| r.map(Prepared::of))
                .collect(),
        );
        assert_eq!(stepwise, whole);
        let (colours, messages) = stepwise;
        assert!(
            colours.iter().all(|c| c.len() == 7 && !c.contains(';')),
            "{colours:?}"
        );
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("evil.json: label \"PER\": colour"));
        assert!(messages[1].starts_with("evil.json: label \"LOC\": hotkey \"??\""));
        let ws = &at_once(vec![file("evil.json", &evil)])[0];
        assert!(ws.as_ref().is_ok_and(|ws| ws.validate().is_ok()));
    }
}
