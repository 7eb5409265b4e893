//! ZIP archives, read and written with the `zip` crate (pure Rust: deflate
//! through `miniz_oxide`, so it builds for the browser).
//!
//! [`read`] takes archives as ordinary tools make them: entries stored or
//! deflated, in folders or not. Folder entries are dropped and so are the
//! files macOS adds when it zips (`__MACOSX/…`, `.DS_Store`, `._name`); other
//! entries keep their full path, `/`-separated. What an archive may cost is
//! bounded ([`Limits`]): the number of entries, and the bytes actually
//! inflated (checked against each entry's declared size as they come, so a
//! "zip bomb" stops with a message instead of freezing the tab). Broken or
//! encrypted entries are errors naming the entry.
//!
//! [`write()`] deflates every entry and stamps them 1980-01-01 (the core has
//! no clock), with UTF-8 names, which every unzip tool and Python's
//! `zipfile` read. No offsets into text are involved here.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// One file inside an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Path inside the archive, `/`-separated.
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// What reading one archive may cost at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes of all entries once inflated.
    pub max_total_bytes: u64,
    /// Number of entries, folders included.
    pub max_entries: usize,
}

/// The limits [`read`] applies: 512 MiB inflated, 10,000 entries.
pub const LIMITS: Limits = Limits {
    max_total_bytes: 512 * 1024 * 1024,
    max_entries: 10_000,
};

/// `n` bytes for a message: `512 MiB`, `1.5 KiB`, `100 bytes`.
fn size(n: u64) -> String {
    const KIB: u64 = 1024;
    let (value, unit) = if n >= KIB * KIB {
        (n as f64 / (KIB * KIB) as f64, "MiB")
    } else if n >= KIB {
        (n as f64 / KIB as f64, "KiB")
    } else {
        return format!("{n} bytes");
    };
    let shown = format!("{value:.1}");
    format!("{} {unit}", shown.strip_suffix(".0").unwrap_or(&shown))
}

/// Whether an entry is litter an archiver adds rather than a user's file.
fn is_litter(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/") || base == ".DS_Store" || base.starts_with("._")
}

/// Reads the files of an archive with the default [`LIMITS`].
///
/// # Errors
/// See [`read_with_limits`].
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    read_with_limits(bytes, LIMITS)
}

/// Reads the files of an archive, in the archive's order, refusing to
/// inflate more than `limits` allow.
///
/// # Errors
/// A message when the bytes are not a ZIP archive, the archive is over a
/// limit, or an entry is encrypted, compressed with a method other than
/// deflate, larger than it declares, or damaged (checksum mismatch).
pub fn read_with_limits(bytes: &[u8], limits: Limits) -> Result<Vec<Entry>, String> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a ZIP archive, or a damaged one ({e})"))?;
    if archive.len() > limits.max_entries {
        return Err(format!(
            "the archive has {} entries; Wasim reads at most {} from one archive",
            archive.len(),
            limits.max_entries
        ));
    }
    let mut entries = Vec::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let label = match archive.name_for_index(index) {
            Some(Ok(name)) => name.into_owned(),
            _ => format!("entry #{}", index + 1),
        };
        let mut file = archive.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(why)
                if why == zip::result::ZipError::PASSWORD_REQUIRED =>
            {
                format!("{label} is encrypted; Wasim cannot read password-protected archives")
            }
            zip::result::ZipError::UnsupportedArchive(_)
            | zip::result::ZipError::CompressionMethodNotSupported(_) => format!(
                "{label} is compressed with a method Wasim does not read (it reads stored and deflated entries): {e}"
            ),
            other => format!("{label} cannot be read: {other}"),
        })?;
        if file.is_dir() || is_litter(&label) {
            continue;
        }
        let declared = file.size();
        let room = limits.max_total_bytes.saturating_sub(total);
        if declared > room {
            return Err(format!(
                "{label} would unpack to {}, past the {} Wasim reads from one archive",
                size(total.saturating_add(declared)),
                size(limits.max_total_bytes)
            ));
        }
        let mut data = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
        // One byte more than declared tells a lying header from an honest one.
        let read = (&mut file)
            .take(declared.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| format!("{label} is damaged: {e}"))?;
        let read = read as u64;
        if read > declared {
            return Err(format!(
                "{label} unpacks to more than the {} it declares: a damaged or hostile archive, not read",
                size(declared)
            ));
        }
        total = total.saturating_add(read);
        entries.push(Entry {
            name: label,
            bytes: data,
        });
    }
    Ok(entries)
}

/// An archive holding `entries`, in order, deflated.
///
/// # Errors
/// A message if the archive cannot be assembled (not expected in memory).
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .unix_permissions(0o644)
            .large_file(entry.bytes.len() as u64 >= u64::from(u32::MAX));
        writer
            .start_file(entry.name.as_str(), options)
            .and_then(|()| writer.write_all(&entry.bytes).map_err(Into::into))
            .map_err(|e| format!("cannot add {} to the archive: {e}", entry.name))?;
    }
    writer
        .finish()
        .map(Cursor::into_inner)
        .map_err(|e| format!("cannot finish the archive: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let entries = vec![
            Entry {
                name: "خبر.txt".into(),
                bytes: "بغداد".repeat(100).into_bytes(),
            },
            Entry {
                name: "empty.ann".into(),
                bytes: Vec::new(),
            },
        ];
        let bytes = write(&entries).expect("writes");
        assert!(bytes.len() < 500, "deflated: {} bytes", bytes.len());
        assert_eq!(read(&bytes), Ok(entries));
        assert!(read(b"PK nonsense").is_err());
        assert!(read(&[]).is_err());
        for cut in 0..bytes.len() {
            let _ = read(&bytes[..cut]);
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x55;
            let _ = read(&damaged);
        }
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(512 * 1024 * 1024), "512 MiB");
        assert_eq!(size(4096), "4 KiB");
        assert_eq!(size(1000), "1000 bytes");
        assert_eq!(size(1536 * 1024), "1.5 MiB");
    }
}
