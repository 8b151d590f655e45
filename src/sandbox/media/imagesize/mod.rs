//! A header-only image size reader for the Media Manager slice: PNG, JPEG, GIF, WebP (VP8, VP8L,
//! VP8X) and BMP. It reads the first few bytes to recognise the format and the dimensions; for
//! JPEG it walks the marker segments (seeking over their payloads, never reading them) until a
//! start-of-frame marker. Nothing is decoded, so a multi-megabyte photo costs a handful of small
//! reads. Anything unrecognised, truncated or inconsistent is an error, never a panic: the caller
//! refuses the upload (400) or marks the import FAILED.
//!
//! Why not the `imagesize` crate: run on this module's test headers, imagesize 0.15 (with only
//! these five formats enabled) reads a top-down BMP's negative height as 4294967289, misreads an
//! OS/2 BMP header, keeps the scaling bits in a lossy WebP's width, fails on the 0xFF fill bytes
//! JPEG allows before a marker, and accepts a PNG whose first chunk is not IHDR or whose width is
//! zero. Each is a wrong `width`/`height` in a FileDescriptor or a broken file accepted, so the
//! small reader stays (see `tests.rs` for each of those cases).

use std::io::{Read, Seek, SeekFrom};

/// The image formats the sandbox accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    WebP,
    Bmp,
}

impl ImageFormat {
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::WebP => "image/webp",
            ImageFormat::Bmp => "image/bmp",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Gif => "gif",
            ImageFormat::WebP => "webp",
            ImageFormat::Bmp => "bmp",
        }
    }
}

/// What the header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum SizeError {
    #[error("not a PNG, JPEG, GIF, WebP or BMP image")]
    Unrecognised,
    #[error("corrupt {0} header: {1}")]
    Corrupt(&'static str, &'static str),
    #[error("reading the image header: {0}")]
    Io(#[from] std::io::Error),
}

/// Bytes read up front: enough for every fixed-position header handled here (VP8X needs 30).
const HEAD_LEN: usize = 32;
/// A JPEG with more segments than this before its frame header is treated as corrupt, so a
/// crafted file cannot keep the reader seeking forever.
const MAX_JPEG_SEGMENTS: usize = 4096;

/// Recognises the format from the first bytes of `source` and reads the dimensions.
pub fn read_image_size<R: Read + Seek>(source: &mut R) -> Result<ImageInfo, SizeError> {
    source.seek(SeekFrom::Start(0))?;
    let mut head = [0u8; HEAD_LEN];
    let len = read_up_to(source, &mut head)?;
    let head = &head[..len];
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(head)
    } else if head.starts_with(&[0xFF, 0xD8]) {
        jpeg(source)
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        gif(head)
    } else if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        webp(head)
    } else if head.starts_with(b"BM") {
        bmp(head)
    } else {
        Err(SizeError::Unrecognised)
    }
}

/// Fills as much of `buf` as the source has (a short file is not an I/O error here).
fn read_up_to<R: Read>(source: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match source.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn u16_be(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u16_le(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_be(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u32_le(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u24_le(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 3)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

fn checked(
    format: ImageFormat,
    name: &'static str,
    width: u32,
    height: u32,
) -> Result<ImageInfo, SizeError> {
    if width == 0 || height == 0 {
        return Err(SizeError::Corrupt(name, "zero width or height"));
    }
    Ok(ImageInfo {
        format,
        width,
        height,
    })
}

fn png(head: &[u8]) -> Result<ImageInfo, SizeError> {
    const TRUNCATED: SizeError = SizeError::Corrupt("PNG", "truncated before IHDR");
    // Signature (8), then the first chunk, which must be IHDR: length 13, type, width, height.
    if head.get(12..16) != Some(b"IHDR".as_slice()) {
        return Err(if head.len() < 16 {
            TRUNCATED
        } else {
            SizeError::Corrupt("PNG", "first chunk is not IHDR")
        });
    }
    let width = u32_be(head, 16).ok_or(TRUNCATED)?;
    let height = u32_be(head, 20).ok_or(TRUNCATED)?;
    // The PNG specification caps each dimension at 2^31 - 1.
    if width > i32::MAX as u32 || height > i32::MAX as u32 {
        return Err(SizeError::Corrupt("PNG", "dimension out of range"));
    }
    checked(ImageFormat::Png, "PNG", width, height)
}

fn gif(head: &[u8]) -> Result<ImageInfo, SizeError> {
    const TRUNCATED: SizeError = SizeError::Corrupt("GIF", "truncated screen descriptor");
    let width = u16_le(head, 6).ok_or(TRUNCATED)?;
    let height = u16_le(head, 8).ok_or(TRUNCATED)?;
    checked(ImageFormat::Gif, "GIF", width.into(), height.into())
}

fn bmp(head: &[u8]) -> Result<ImageInfo, SizeError> {
    const TRUNCATED: SizeError = SizeError::Corrupt("BMP", "truncated DIB header");
    let dib_size = u32_le(head, 14).ok_or(TRUNCATED)?;
    let (width, height) = match dib_size {
        // BITMAPCOREHEADER (OS/2 1.x): unsigned 16-bit dimensions.
        12 => (
            u32::from(u16_le(head, 18).ok_or(TRUNCATED)?),
            u32::from(u16_le(head, 20).ok_or(TRUNCATED)?),
        ),
        // BITMAPINFOHEADER and its successors: signed 32-bit; a negative height means the rows
        // are stored top-down, the image is as tall as its absolute value.
        40..=255 => {
            let width = u32_le(head, 18).ok_or(TRUNCATED)? as i32;
            let height = u32_le(head, 22).ok_or(TRUNCATED)? as i32;
            if width <= 0 {
                return Err(SizeError::Corrupt("BMP", "negative or zero width"));
            }
            (width.unsigned_abs(), height.unsigned_abs())
        }
        _ => return Err(SizeError::Corrupt("BMP", "unknown DIB header size")),
    };
    checked(ImageFormat::Bmp, "BMP", width, height)
}

fn webp(head: &[u8]) -> Result<ImageInfo, SizeError> {
    const TRUNCATED: SizeError = SizeError::Corrupt("WebP", "truncated chunk header");
    let chunk = head.get(12..16).ok_or(TRUNCATED)?;
    let (width, height) = match chunk {
        // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height
        // (the top two bits of each are a scaling hint).
        b"VP8 " => {
            if head.get(23..26).ok_or(TRUNCATED)? != [0x9D, 0x01, 0x2A] {
                return Err(SizeError::Corrupt("WebP", "missing VP8 start code"));
            }
            let width = u16_le(head, 26).ok_or(TRUNCATED)? & 0x3FFF;
            let height = u16_le(head, 28).ok_or(TRUNCATED)? & 0x3FFF;
            (u32::from(width), u32::from(height))
        }
        // Lossless: signature byte 0x2F, then width-1 and height-1 packed in 14 bits each.
        b"VP8L" => {
            if *head.get(20).ok_or(TRUNCATED)? != 0x2F {
                return Err(SizeError::Corrupt("WebP", "missing VP8L signature"));
            }
            let bits = u32_le(head, 21).ok_or(TRUNCATED)?;
            ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        // Extended: flags and reserved bytes, then canvas width-1 and height-1 in 24 bits each.
        b"VP8X" => (
            u24_le(head, 24).ok_or(TRUNCATED)? + 1,
            u24_le(head, 27).ok_or(TRUNCATED)? + 1,
        ),
        _ => return Err(SizeError::Corrupt("WebP", "unknown first chunk")),
    };
    checked(ImageFormat::WebP, "WebP", width, height)
}

/// Walks the JPEG marker segments from just after SOI until a start-of-frame marker, seeking over
/// each segment's payload.
fn jpeg<R: Read + Seek>(source: &mut R) -> Result<ImageInfo, SizeError> {
    const TRUNCATED: SizeError = SizeError::Corrupt("JPEG", "ended before a frame header");
    let mut position: u64 = 2;
    for _ in 0..MAX_JPEG_SEGMENTS {
        source.seek(SeekFrom::Start(position))?;
        let mut prefix = [0u8; 1];
        if read_up_to(source, &mut prefix)? == 0 {
            return Err(TRUNCATED);
        }
        if prefix[0] != 0xFF {
            return Err(SizeError::Corrupt("JPEG", "expected a marker"));
        }
        // Any number of 0xFF fill bytes may precede the marker code.
        let mut marker = 0xFF;
        let mut fill = 0u64;
        while marker == 0xFF {
            let mut code = [0u8; 1];
            if read_up_to(source, &mut code)? == 0 {
                return Err(TRUNCATED);
            }
            marker = code[0];
            fill += 1;
            if fill > 64 {
                return Err(SizeError::Corrupt("JPEG", "too many fill bytes"));
            }
        }
        position += 1 + fill;
        match marker {
            // Markers without a payload: TEM and the restart markers.
            0x01 | 0xD0..=0xD7 => continue,
            0xD8 => return Err(SizeError::Corrupt("JPEG", "nested start of image")),
            0xD9 | 0xDA => return Err(SizeError::Corrupt("JPEG", "no frame header before scan")),
            0x00 => return Err(SizeError::Corrupt("JPEG", "stuffed byte outside a scan")),
            _ => {}
        }
        let mut length = [0u8; 2];
        if read_up_to(source, &mut length)? < 2 {
            return Err(TRUNCATED);
        }
        let length = u16::from_be_bytes(length);
        if length < 2 {
            return Err(SizeError::Corrupt("JPEG", "segment length below 2"));
        }
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let mut frame = [0u8; 5];
            if length < 7 || read_up_to(source, &mut frame)? < 5 {
                return Err(TRUNCATED);
            }
            let height = u16_be(&frame, 1).ok_or(TRUNCATED)?;
            let width = u16_be(&frame, 3).ok_or(TRUNCATED)?;
            return checked(ImageFormat::Jpeg, "JPEG", width.into(), height.into());
        }
        position += u64::from(length);
    }
    Err(SizeError::Corrupt(
        "JPEG",
        "too many segments before a frame header",
    ))
}

#[cfg(test)]
mod tests;
