//! ZIP archives, read and written here on top of `miniz_oxide` (raw
//! deflate, pure Rust, so it builds for the browser). A general ZIP library
//! cost the wasm about 145 KB for what Wasim needs of it: read an
//! archive in memory, write one.
//!
//! [`read`] takes archives as ordinary tools make them: entries stored or
//! deflated, in folders or not, with ZIP64 records, data descriptors, bytes
//! before the archive (self-extractors) and names in UTF-8 (flagged or not,
//! or in Info-ZIP's Unicode path field) or else code page 437. Folder
//! entries are dropped and so are the files macOS adds when it zips
//! (`__MACOSX/…`, `.DS_Store`, `._name`); other entries keep their full
//! path, `/`-separated. What an archive may cost is bounded ([`Limits`]):
//! the number of entries, and the bytes actually inflated (checked against
//! each entry's declared size, so a "zip bomb" stops with a message instead
//! of freezing the tab). Broken or encrypted entries are errors naming the
//! entry; every entry's CRC-32 is checked.
//!
//! [`write()`] deflates every entry and stamps them 1980-01-01 (the core has
//! no clock), with UTF-8 names, which every unzip tool and Python's
//! `zipfile` read. No offsets into text are involved here.

use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};

use crate::core::i18n::{Counted, Key, Msg};

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

/// Record signatures (APPNOTE 4.3).
const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const END64: u32 = 0x0606_4b50;
const LOCATOR64: u32 = 0x0706_4b50;
/// Fixed sizes of the records, before their variable parts.
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
const LOCATOR64_LEN: usize = 20;
const END64_LEN: usize = 56;
/// General-purpose flags: encrypted; names and comments in UTF-8.
const FLAG_ENCRYPTED: u16 = 1;
const FLAG_UTF8: u16 = 1 << 11;
/// Compression methods.
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// Extra fields: ZIP64 sizes and offset; Info-ZIP's Unicode path.
const EXTRA_ZIP64: u16 = 0x0001;
const EXTRA_UNICODE_PATH: u16 = 0x7075;
/// 1980-01-01 as an MS-DOS date (the earliest there is), at 00:00.
const DOS_DATE_1980: u16 = (1 << 5) | 1;
/// Version 2.0 (deflate) and 4.5 (ZIP64), made on Unix (for the mode bits).
const VERSION: u16 = 20;
const VERSION64: u16 = 45;
const MADE_ON_UNIX: u16 = 3 << 8;
/// A regular file with mode 0644, in the high half of the external attributes.
const MODE_0644: u32 = 0o100_644 << 16;
/// The deflate level (zlib's default: a good ratio at a fair speed).
const LEVEL: u8 = 6;

/// `n` bytes for a message: `512 MiB`, `1.5 KiB`, `100 bytes`.
fn size(n: u64) -> Msg {
    const KIB: u64 = 1024;
    let (tenths, unit) = if n >= KIB * KIB {
        ((n * 10 + KIB * KIB / 2) / (KIB * KIB), "MiB")
    } else if n >= KIB {
        ((n * 10 + KIB / 2) / KIB, "KiB")
    } else {
        return Msg::counted(Counted::Bytes, usize::try_from(n).unwrap_or(usize::MAX));
    };
    let text = match tenths % 10 {
        0 => format!("{} {unit}", tenths / 10),
        frac => format!("{}.{frac} {unit}", tenths / 10),
    };
    Msg::new(Key::Verbatim).arg("text", text)
}

/// Whether an entry is litter an archiver adds rather than a user's file.
fn is_litter(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/") || base == ".DS_Store" || base.starts_with("._")
}

/// The CRC-32 (IEEE) lookup table, built on first use (a table in the
/// binary would be 1 KB of data that does not compress).
fn crc_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, entry) in (0u32..).zip(table.iter_mut()) {
            *entry = (0..8).fold(i, |c, _| {
                if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            });
        }
        table
    })
}

/// The CRC-32 of `bytes`, as ZIP stores it.
fn crc32(bytes: &[u8]) -> u32 {
    let table = crc_table();
    !bytes.iter().fold(!0u32, |crc, &byte| {
        table[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// Code page 437's upper half (what an archive's name means when it is
/// neither flagged nor valid UTF-8, as in old DOS and Windows tools).
const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// `raw` read as code page 437.
fn from_cp437(raw: &[u8]) -> String {
    raw.iter()
        .map(|&byte| match byte {
            0..0x80 => char::from(byte),
            _ => CP437_HIGH
                .chars()
                .nth(usize::from(byte - 0x80))
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        })
        .collect()
}

/// Little-endian fields of a byte slice; `None` past its end.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn u16(&self, at: usize) -> Option<u16> {
        let bytes = self.0.get(at..at.checked_add(2)?)?;
        Some(u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u32(&self, at: usize) -> Option<u32> {
        let bytes = self.0.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn u64(&self, at: usize) -> Option<u64> {
        Some(u64::from(self.u32(at)?) | (u64::from(self.u32(at + 4)?) << 32))
    }

    fn bytes(&self, at: usize, len: usize) -> Option<&'a [u8]> {
        self.0.get(at..at.checked_add(len)?)
    }
}

/// `value` as an index into memory, `None` if it cannot be one.
fn index(value: u64) -> Option<usize> {
    usize::try_from(value).ok()
}

/// Where the central directory is, and how many entries it lists.
struct Directory {
    /// Offset of its first record, in `bytes`.
    start: usize,
    /// Its length in bytes.
    len: usize,
    /// Entries listed.
    entries: u64,
    /// What to add to every offset the archive records (bytes before the
    /// archive, as in a self-extractor).
    shift: usize,
}

/// Finds the end-of-central-directory record, searching back from the end
/// over at most a comment's 64 KiB.
fn find_end(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    let fields = Fields(bytes);
    (first..=last).rev().find(|&at| fields.u32(at) == Some(END))
}

/// Reads the end records (ZIP64 ones when the classic record says so).
fn directory(bytes: &[u8]) -> Result<Directory, Key> {
    let fields = Fields(bytes);
    let end = find_end(bytes).ok_or(Key::ZipNoEnd)?;
    let malformed = Key::ZipMalformedEnd;
    let mut entries = u64::from(fields.u16(end + 10).ok_or(malformed)?);
    let mut len = u64::from(fields.u32(end + 12).ok_or(malformed)?);
    let mut offset = u64::from(fields.u32(end + 16).ok_or(malformed)?);
    // Where the directory should end: the first end record after it.
    let mut after = end;
    let zip64 = entries == u64::from(u16::MAX)
        || len == u64::from(u32::MAX)
        || offset == u64::from(u32::MAX);
    if zip64
        && let Some(locator) = end.checked_sub(LOCATOR64_LEN)
        && fields.u32(locator) == Some(LOCATOR64)
    {
        let malformed = Key::ZipMalformedEnd64;
        // The record sits right before its locator; its recorded offset
        // tells how many bytes come before the archive.
        let end64 = locator.checked_sub(END64_LEN).ok_or(malformed)?;
        if fields.u32(end64) != Some(END64) {
            return Err(malformed);
        }
        entries = fields.u64(end64 + 32).ok_or(malformed)?;
        len = fields.u64(end64 + 40).ok_or(malformed)?;
        offset = fields.u64(end64 + 48).ok_or(malformed)?;
        after = end64;
    }
    let len = index(len).ok_or(malformed)?;
    let offset = index(offset).ok_or(malformed)?;
    let start = after.checked_sub(len).ok_or(malformed)?;
    let shift = start.checked_sub(offset).ok_or(malformed)?;
    Ok(Directory {
        start,
        len,
        entries,
        shift,
    })
}

/// One central-directory record, as far as reading needs it.
struct Listed {
    /// The entry's name, decoded.
    name: String,
    /// Whether it is a folder (its raw name ends with a slash).
    folder: bool,
    flags: u16,
    method: u16,
    crc: u32,
    packed: u64,
    declared: u64,
    /// Offset of the local header, shift not yet added.
    local: u64,
    /// Length of the central record, to find the next one.
    record_len: usize,
}

/// Reads the central record at `at`.
fn listed(bytes: &[u8], at: usize) -> Option<Listed> {
    let fields = Fields(bytes);
    if fields.u32(at)? != CENTRAL {
        return None;
    }
    let flags = fields.u16(at + 8)?;
    let method = fields.u16(at + 10)?;
    let crc = fields.u32(at + 16)?;
    let mut packed = u64::from(fields.u32(at + 20)?);
    let mut declared = u64::from(fields.u32(at + 24)?);
    let name_len = usize::from(fields.u16(at + 28)?);
    let extra_len = usize::from(fields.u16(at + 30)?);
    let comment_len = usize::from(fields.u16(at + 32)?);
    let mut local = u64::from(fields.u32(at + 42)?);
    let raw = fields.bytes(at + CENTRAL_LEN, name_len)?;
    let extra = Fields(fields.bytes(at + CENTRAL_LEN + name_len, extra_len)?);
    let mut unicode_name = None;
    let mut pos = 0;
    while let (Some(id), Some(len)) = (extra.u16(pos), extra.u16(pos + 2)) {
        // A malformed field ends the list rather than the entry.
        let Some(body) = extra.bytes(pos + 4, usize::from(len)).map(Fields) else {
            break;
        };
        match id {
            EXTRA_ZIP64 => {
                // Only the fields whose classic value is saturated, in order.
                let mut next = 0;
                for value in [&mut declared, &mut packed, &mut local] {
                    if *value == u64::from(u32::MAX) {
                        *value = body.u64(next)?;
                        next += 8;
                    }
                }
            }
            EXTRA_UNICODE_PATH if body.0.first() == Some(&1) && body.u32(1) == Some(crc32(raw)) => {
                unicode_name = std::str::from_utf8(&body.0[5..]).ok().map(str::to_owned);
            }
            _ => {}
        }
        pos += 4 + usize::from(len);
    }
    let name = match (unicode_name, std::str::from_utf8(raw)) {
        (Some(name), _) => name,
        (None, Ok(name)) => name.to_owned(),
        (None, Err(_)) if flags & FLAG_UTF8 != 0 => String::from_utf8_lossy(raw).into_owned(),
        (None, Err(_)) => from_cp437(raw),
    };
    // Old Windows archivers separate folders with backslashes, which the
    // format does not allow: read as folders, as unzip tools do.
    let name = name.replace('\\', "/");
    Some(Listed {
        name,
        folder: matches!(raw.last(), Some(b'/' | b'\\')),
        flags,
        method,
        crc,
        packed,
        declared,
        local,
        record_len: CENTRAL_LEN + name_len + extra_len + comment_len,
    })
}

/// The packed bytes of `entry`, found through its local header.
fn packed_data<'a>(bytes: &'a [u8], entry: &Listed, shift: usize) -> Result<&'a [u8], Msg> {
    let fields = Fields(bytes);
    let label = |key: Key| Msg::new(key).arg("entry", entry.name.as_str());
    let at = index(entry.local)
        .and_then(|local| local.checked_add(shift))
        .filter(|&at| fields.u32(at) == Some(LOCAL))
        .ok_or_else(|| label(Key::ZipLocalHeader))?;
    let start = fields
        .u16(at + 26)
        .zip(fields.u16(at + 28))
        .map(|(name, extra)| at + LOCAL_LEN + usize::from(name) + usize::from(extra));
    start
        .zip(index(entry.packed))
        .and_then(|(start, len)| fields.bytes(start, len))
        .ok_or_else(|| label(Key::ZipEndsInside))
}

/// Inflates (or copies) `entry`, refusing more than it declares.
fn unpack(packed: &[u8], entry: &Listed) -> Result<Vec<u8>, Msg> {
    let label = |key: Key| Msg::new(key).arg("entry", entry.name.as_str());
    let too_big = || label(Key::ZipTooBig).msg("size", size(entry.declared));
    let declared = index(entry.declared).ok_or_else(too_big)?;
    let data = if entry.method == STORED {
        packed.to_vec()
    } else {
        // One byte more than declared tells a lying header from an honest one.
        decompress_to_vec_with_limit(packed, declared.saturating_add(1)).map_err(|error| {
            if error.status == TINFLStatus::HasMoreOutput {
                too_big()
            } else {
                label(Key::ZipCorrupt)
            }
        })?
    };
    if data.len() > declared {
        return Err(too_big());
    }
    if data.len() < declared {
        return Err(label(Key::ZipShort)
            .msg("size", size(data.len() as u64))
            .msg("declared", size(entry.declared)));
    }
    if crc32(&data) != entry.crc {
        return Err(label(Key::ZipChecksum));
    }
    Ok(data)
}

/// Reads the files of an archive with the default [`LIMITS`].
///
/// # Errors
/// See [`read_with_limits`].
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, Msg> {
    read_with_limits(bytes, LIMITS)
}

/// Reads the files of an archive, in the archive's order, refusing to
/// inflate more than `limits` allow.
///
/// # Errors
/// A message when the bytes are not a ZIP archive, the archive is over a
/// limit, or an entry is encrypted, compressed with a method other than
/// deflate, larger than it declares, or damaged (checksum mismatch).
pub fn read_with_limits(bytes: &[u8], limits: Limits) -> Result<Vec<Entry>, Msg> {
    let directory =
        directory(bytes).map_err(|why| Msg::new(Key::ZipNotZip).msg("why", Msg::new(why)))?;
    if directory.entries > limits.max_entries as u64 {
        let entries = usize::try_from(directory.entries).unwrap_or(usize::MAX);
        return Err(Msg::counted(Counted::ZipTooMany, entries).num("max", limits.max_entries));
    }
    let mut entries = Vec::new();
    let mut total: u64 = 0;
    let mut at = directory.start;
    let end = directory.start + directory.len;
    for number in 1..=directory.entries {
        let entry = listed(&bytes[..end], at)
            .ok_or_else(|| Msg::new(Key::ZipBadEntry).arg("n", number.to_string()))?;
        at += entry.record_len;
        let label = &entry.name;
        if entry.flags & FLAG_ENCRYPTED != 0 {
            return Err(Msg::new(Key::ZipEncrypted).arg("entry", label.as_str()));
        }
        if entry.method != STORED && entry.method != DEFLATED {
            return Err(Msg::new(Key::ZipMethod)
                .arg("entry", label.as_str())
                .arg("method", entry.method.to_string()));
        }
        if entry.folder || is_litter(label) {
            continue;
        }
        let room = limits.max_total_bytes.saturating_sub(total);
        if entry.declared > room {
            return Err(Msg::new(Key::ZipPastLimit)
                .arg("entry", label.as_str())
                .msg("entry_size", size(entry.declared))
                .msg("size", size(total.saturating_add(entry.declared)))
                .msg("limit", size(limits.max_total_bytes)));
        }
        let data = unpack(packed_data(bytes, &entry, directory.shift)?, &entry)?;
        total = total.saturating_add(data.len() as u64);
        entries.push(Entry {
            name: entry.name,
            bytes: data,
        });
    }
    Ok(entries)
}

/// Appends little-endian fields to an archive being written.
fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// What the central directory repeats of an entry written.
struct Written {
    crc: u32,
    packed: u32,
    len: u32,
    local: u32,
}

/// The fields local and central headers share, from "version needed" to
/// the extra field's length.
fn common_header(out: &mut Vec<u8>, name: &str, written: &Written) -> Result<(), Msg> {
    let name_len =
        u16::try_from(name.len()).map_err(|_| Msg::new(Key::ZipNameTooLong).arg("name", name))?;
    put16(out, VERSION);
    put16(out, FLAG_UTF8);
    put16(out, DEFLATED);
    put16(out, 0);
    put16(out, DOS_DATE_1980);
    put32(out, written.crc);
    put32(out, written.packed);
    put32(out, written.len);
    put16(out, name_len);
    put16(out, 0);
    Ok(())
}

/// Whether an entry name would be written outside the folder an archive
/// is unpacked into by a tool that does not check: absolute (`/x`, `C:x`),
/// with a `..` part, or with a backslash (a separator on Windows).
fn leads_outside(name: &str) -> bool {
    name.starts_with('/')
        || name.contains('\\')
        || name.as_bytes().get(1) == Some(&b':')
        || name.split('/').any(|part| part == "..")
}

/// An archive holding `entries`, in order, deflated.
///
/// # Errors
/// A message if a name [leads outside](leads_outside) the archive's folder
/// (no Wasim export makes one), if an entry or the archive would pass 4 GiB,
/// or a name 64 KiB (which a browser's memory does not reach anyway).
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, Msg> {
    let mut out = Vec::new();
    let mut written = Vec::with_capacity(entries.len());
    for entry in entries {
        let name = entry.name.as_str();
        if leads_outside(name) {
            return Err(Msg::new(Key::ZipNameOutside).arg("name", name));
        }
        let too_big = || Msg::new(Key::ZipEntryTooBig).arg("name", name);
        let packed = miniz_oxide::deflate::compress_to_vec(&entry.bytes, LEVEL);
        let header = Written {
            crc: crc32(&entry.bytes),
            packed: u32::try_from(packed.len()).map_err(|_| too_big())?,
            len: u32::try_from(entry.bytes.len()).map_err(|_| too_big())?,
            local: u32::try_from(out.len()).map_err(|_| too_big())?,
        };
        put32(&mut out, LOCAL);
        common_header(&mut out, name, &header)?;
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        written.push(header);
    }
    let too_big = || Msg::new(Key::ZipArchiveTooBig);
    let start = out.len();
    for (entry, header) in entries.iter().zip(&written) {
        put32(&mut out, CENTRAL);
        put16(&mut out, MADE_ON_UNIX | VERSION);
        common_header(&mut out, &entry.name, header)?;
        put16(&mut out, 0); // comment
        put16(&mut out, 0); // disk
        put16(&mut out, 0); // internal attributes
        put32(&mut out, MODE_0644);
        put32(&mut out, header.local);
        out.extend_from_slice(entry.name.as_bytes());
    }
    let len = out.len() - start;
    let count = entries.len();
    if count >= usize::from(u16::MAX) {
        // More entries than the classic record holds: ZIP64 end records.
        let end64 = out.len();
        put32(&mut out, END64);
        put64(&mut out, (END64_LEN - 12) as u64);
        put16(&mut out, MADE_ON_UNIX | VERSION64);
        put16(&mut out, VERSION64);
        put32(&mut out, 0);
        put32(&mut out, 0);
        put64(&mut out, count as u64);
        put64(&mut out, count as u64);
        put64(&mut out, len as u64);
        put64(&mut out, start as u64);
        put32(&mut out, LOCATOR64);
        put32(&mut out, 0);
        put64(&mut out, end64 as u64);
        put32(&mut out, 1);
    }
    let count16 = u16::try_from(count).unwrap_or(u16::MAX);
    put32(&mut out, END);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count16);
    put16(&mut out, count16);
    put32(&mut out, u32::try_from(len).map_err(|_| too_big())?);
    put32(&mut out, u32::try_from(start).map_err(|_| too_big())?);
    put16(&mut out, 0);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_lead_out_of_the_folder_are_never_written() {
        for name in ["../x.conf", "a/../../x", "/abs/x", "C:x", "a\\..\\x", ".."] {
            let entry = Entry {
                name: name.into(),
                bytes: Vec::new(),
            };
            let refused = write(&[entry]).expect_err(name);
            assert!(refused.is(Key::ZipNameOutside), "{name}");
        }
        for name in ["a..b.txt", "proj/.hidden", "x/y/z.ann", "..txt"] {
            let entry = Entry {
                name: name.into(),
                bytes: Vec::new(),
            };
            assert!(write(&[entry]).is_ok(), "{name}");
        }
    }

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
        let size = |n| size(n).to_string();
        assert_eq!(size(512 * 1024 * 1024), "512 MiB");
        assert_eq!(size(4096), "4 KiB");
        assert_eq!(size(1000), "1000 bytes");
        assert_eq!(size(1), "1 byte");
        assert_eq!(size(1536 * 1024), "1.5 MiB");
    }
}
