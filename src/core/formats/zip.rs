//! A minimal ZIP archive writer and reader, for brat exports.
//!
//! Entries are written uncompressed ("stored", method 0) with CRC-32 and
//! UTF-8 names (general-purpose flag bit 11), which every unzip tool and
//! Python's `zipfile` read. The reader accepts stored entries only, which is
//! what [`write()`] produces. No offsets into text are involved here.

/// One file inside an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Path inside the archive, `/`-separated.
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
const END_SIGNATURE: u32 = 0x0605_4b50;
/// Version 2.0, which covers stored entries.
const VERSION: u16 = 20;
/// Bit 11: names are UTF-8.
const UTF8_FLAG: u16 = 1 << 11;
/// 1980-01-01 00:00 in DOS format (no clock in the core).
const DOS_DATE: u16 = (1 << 5) | 1;

/// The CRC-32 (IEEE) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Sizes and offsets past 4 GiB do not fit a plain ZIP; they saturate, which
/// a browser export never reaches.
fn size32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn size16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Fields shared by the local and central headers, from "version needed" to
/// the extra-field length.
fn common_header(out: &mut Vec<u8>, entry: &Entry, crc: u32) {
    put16(out, VERSION);
    put16(out, UTF8_FLAG);
    put16(out, 0); // stored
    put16(out, 0); // time
    put16(out, DOS_DATE);
    put32(out, crc);
    put32(out, size32(entry.bytes.len()));
    put32(out, size32(entry.bytes.len()));
    put16(out, size16(entry.name.len()));
    put16(out, 0); // extra field length
}

/// An archive holding `entries`, in order.
pub fn write(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let crc = crc32(&entry.bytes);
        let offset = size32(out.len());
        put32(&mut out, LOCAL_SIGNATURE);
        common_header(&mut out, entry, crc);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&entry.bytes);

        put32(&mut central, CENTRAL_SIGNATURE);
        put16(&mut central, VERSION); // made by
        common_header(&mut central, entry, crc);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(entry.name.as_bytes());
    }
    let central_offset = size32(out.len());
    let central_size = size32(central.len());
    out.extend_from_slice(&central);
    put32(&mut out, END_SIGNATURE);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, size16(entries.len()));
    put16(&mut out, size16(entries.len()));
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

fn get16(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn get32(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
}

/// Reads the entries of an archive through its central directory.
///
/// # Errors
/// A message when the bytes are not a ZIP archive, an entry is compressed
/// (only stored entries are read), or a checksum does not match.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let not_zip = || "not a ZIP archive (or a damaged one)".to_owned();
    let end = (0..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| get32(bytes, at) == Some(END_SIGNATURE as usize))
        .ok_or_else(not_zip)?;
    let count = get16(bytes, end + 10).ok_or_else(not_zip)?;
    let mut at = get32(bytes, end + 16).ok_or_else(not_zip)?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if get32(bytes, at) != Some(CENTRAL_SIGNATURE as usize) {
            return Err(not_zip());
        }
        let method = get16(bytes, at + 10).ok_or_else(not_zip)?;
        let crc = get32(bytes, at + 16).ok_or_else(not_zip)?;
        let size = get32(bytes, at + 20).ok_or_else(not_zip)?;
        let name_len = get16(bytes, at + 28).ok_or_else(not_zip)?;
        let extra_len = get16(bytes, at + 30).ok_or_else(not_zip)?;
        let comment_len = get16(bytes, at + 32).ok_or_else(not_zip)?;
        let local = get32(bytes, at + 42).ok_or_else(not_zip)?;
        let name_bytes = bytes
            .get(at.saturating_add(46)..at.saturating_add(46 + name_len))
            .ok_or_else(not_zip)?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        if method != 0 {
            return Err(format!(
                "{name} is compressed; Wasim reads only the stored ZIP archives it writes"
            ));
        }
        let data_start = local
            .saturating_add(30)
            .saturating_add(get16(bytes, local.saturating_add(26)).ok_or_else(not_zip)?)
            .saturating_add(get16(bytes, local.saturating_add(28)).ok_or_else(not_zip)?);
        let data = bytes
            .get(data_start..data_start.saturating_add(size))
            .ok_or_else(not_zip)?;
        if crc32(data) as usize != crc {
            return Err(format!("{name} is damaged (checksum mismatch)"));
        }
        entries.push(Entry {
            name,
            bytes: data.to_vec(),
        });
        at = at.saturating_add(46 + name_len + extra_len + comment_len);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let entries = vec![
            Entry {
                name: "خبر.txt".into(),
                bytes: "بغداد".as_bytes().to_vec(),
            },
            Entry {
                name: "empty.ann".into(),
                bytes: Vec::new(),
            },
        ];
        let bytes = write(&entries);
        assert_eq!(read(&bytes), Ok(entries));
        assert!(read(b"PK nonsense").is_err());
        assert!(read(&[]).is_err());
        let mut damaged = bytes.clone();
        damaged[40] ^= 0xFF;
        assert!(read(&damaged).is_err());
        for cut in 0..bytes.len() {
            let _ = read(&bytes[..cut]);
        }
    }
}
