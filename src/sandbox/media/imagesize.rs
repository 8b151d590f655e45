//! A header-only image size reader for the Media Manager slice: PNG, JPEG, GIF, WebP (VP8, VP8L,
//! VP8X) and BMP. It reads the first few bytes to recognise the format and the dimensions; for
//! JPEG it walks the marker segments (seeking over their payloads, never reading them) until a
//! start-of-frame marker. Nothing is decoded, so a multi-megabyte photo costs a handful of small
//! reads. Anything unrecognised, truncated or inconsistent is an error, never a panic: the caller
//! refuses the upload (400) or marks the import FAILED.

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
mod tests {
    use super::*;
    use std::io::Cursor;

    fn size(bytes: &[u8]) -> Result<ImageInfo, SizeError> {
        read_image_size(&mut Cursor::new(bytes))
    }

    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut b = vec![0xFF, marker];
        b.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        b.extend_from_slice(payload);
        b
    }

    fn jpeg_header(width: u16, height: u16, sof: u8) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        b.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        // A large APP1 (EXIF-like) segment, so the walker has to seek over a payload.
        b.extend(segment(0xE1, &vec![0xAB; 40_000]));
        b.extend(segment(0xDB, &[0; 65]));
        b.extend(segment(0xC4, &[0; 20])); // DHT sits in the SOF range and must be skipped
        b.extend([0xFF, 0xFF]); // fill bytes before the next marker
        let mut frame = vec![8];
        frame.extend_from_slice(&height.to_be_bytes());
        frame.extend_from_slice(&width.to_be_bytes());
        frame.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b.extend(segment(sof, &frame));
        b.extend(segment(0xDA, &[0; 10]));
        b.extend([0x12, 0x34, 0xFF, 0xD9]);
        b
    }

    fn gif_header(width: u16, height: u16) -> Vec<u8> {
        let mut b = b"GIF89a".to_vec();
        b.extend_from_slice(&width.to_le_bytes());
        b.extend_from_slice(&height.to_le_bytes());
        b.extend_from_slice(&[0xF7, 0, 0]);
        b
    }

    fn riff(chunk: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut b = b"RIFF".to_vec();
        b.extend_from_slice(&((payload.len() + 12) as u32).to_le_bytes());
        b.extend_from_slice(b"WEBP");
        b.extend_from_slice(chunk);
        b.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        b.extend_from_slice(payload);
        b
    }

    fn webp_lossy(width: u16, height: u16) -> Vec<u8> {
        let mut p = vec![0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A];
        p.extend_from_slice(&width.to_le_bytes());
        p.extend_from_slice(&height.to_le_bytes());
        p.extend_from_slice(&[0; 8]);
        riff(b"VP8 ", &p)
    }

    fn webp_lossless(width: u32, height: u32) -> Vec<u8> {
        let bits = (width - 1) | ((height - 1) << 14);
        let mut p = vec![0x2F];
        p.extend_from_slice(&bits.to_le_bytes());
        p.extend_from_slice(&[0; 8]);
        riff(b"VP8L", &p)
    }

    fn webp_extended(width: u32, height: u32) -> Vec<u8> {
        let mut p = vec![0x10, 0, 0, 0];
        p.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
        p.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
        riff(b"VP8X", &p)
    }

    fn bmp_header(width: i32, height: i32) -> Vec<u8> {
        let mut b = b"BM".to_vec();
        b.extend_from_slice(&[0; 12]);
        b.extend_from_slice(&40u32.to_le_bytes());
        b.extend_from_slice(&width.to_le_bytes());
        b.extend_from_slice(&height.to_le_bytes());
        b.extend_from_slice(&[1, 0, 24, 0]);
        b.extend_from_slice(&[0; 24]);
        b
    }

    fn info(format: ImageFormat, width: u32, height: u32) -> ImageInfo {
        ImageInfo {
            format,
            width,
            height,
        }
    }

    #[test]
    fn reads_each_format() {
        use ImageFormat::*;
        let cases = [
            (png_header(640, 480), info(Png, 640, 480)),
            (jpeg_header(1920, 1080, 0xC0), info(Jpeg, 1920, 1080)),
            (jpeg_header(300, 200, 0xC2), info(Jpeg, 300, 200)), // progressive
            (gif_header(17, 9), info(Gif, 17, 9)),
            (webp_lossy(800, 600), info(WebP, 800, 600)),
            (webp_lossless(16383, 1), info(WebP, 16383, 1)),
            (
                webp_extended(5000, 16_777_216),
                info(WebP, 5000, 16_777_216),
            ),
            (bmp_header(31, -7), info(Bmp, 31, 7)), // top-down
            (bmp_header(2, 3), info(Bmp, 2, 3)),
        ];
        for (bytes, expected) in cases {
            assert_eq!(size(&bytes).expect("readable"), expected);
        }
    }

    #[test]
    fn reads_os2_bmp_core_header() {
        let mut b = b"BM".to_vec();
        b.extend_from_slice(&[0; 12]);
        b.extend_from_slice(&12u32.to_le_bytes());
        b.extend_from_slice(&300u16.to_le_bytes());
        b.extend_from_slice(&20u16.to_le_bytes());
        b.extend_from_slice(&[1, 0, 24, 0]);
        assert_eq!(size(&b).unwrap(), info(ImageFormat::Bmp, 300, 20));
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let samples = [
            png_header(10, 10),
            jpeg_header(10, 10, 0xC0),
            gif_header(10, 10),
            webp_lossy(10, 10),
            webp_lossless(10, 10),
            webp_extended(10, 10),
            bmp_header(10, 10),
        ];
        for sample in samples {
            let full = size(&sample).expect("complete sample is readable");
            // Every prefix short of where the dimensions end must fail cleanly; longer ones may
            // succeed (the rest of the file is not needed), and then with the same answer.
            for cut in 0..sample.len() {
                if let Ok(partial) = size(&sample[..cut]) {
                    assert_eq!(partial, full, "prefix of {cut} bytes");
                }
            }
            assert!(size(&sample[..3]).is_err());
        }
        // A JPEG cut inside the big APP1 payload cannot reach its frame header.
        let jpeg = jpeg_header(10, 10, 0xC0);
        assert!(matches!(
            size(&jpeg[..30_000]),
            Err(SizeError::Corrupt("JPEG", _))
        ));
    }

    #[test]
    fn corrupt_headers_are_refused() {
        let mut zero = png_header(0, 10);
        assert!(size(&zero).is_err());
        zero = gif_header(10, 0);
        assert!(size(&zero).is_err());

        let mut not_ihdr = png_header(1, 1);
        not_ihdr[12..16].copy_from_slice(b"IDAT");
        assert!(size(&not_ihdr).is_err());

        let mut huge_png = png_header(1, 1);
        huge_png[16..20].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(size(&huge_png).is_err());

        let mut bad_code = webp_lossy(5, 5);
        bad_code[23] = 0;
        assert!(size(&bad_code).is_err());
        let mut bad_sig = webp_lossless(5, 5);
        bad_sig[20] = 0;
        assert!(size(&bad_sig).is_err());
        assert!(size(&riff(b"ALPH", &[0; 20])).is_err());

        assert!(size(&bmp_header(-4, 4)).is_err());
        let mut bad_dib = bmp_header(4, 4);
        bad_dib[14] = 7;
        assert!(size(&bad_dib).is_err());

        // JPEG: scan before any frame header, a zero segment length, garbage after SOI, and an
        // endless run of tiny segments.
        let mut scan_first = vec![0xFF, 0xD8];
        scan_first.extend(segment(0xDA, &[0; 4]));
        assert!(size(&scan_first).is_err());
        assert!(size(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0, 0]).is_err());
        assert!(size(&[0xFF, 0xD8, 0x12, 0x34, 0x56]).is_err());
        let mut endless = vec![0xFF, 0xD8];
        for _ in 0..5000 {
            endless.extend(segment(0xFE, &[]));
        }
        assert!(size(&endless).is_err());
        let mut fills = vec![0xFF, 0xD8];
        fills.extend(std::iter::repeat(0xFF).take(200));
        assert!(size(&fills).is_err());
    }

    #[test]
    fn unrecognised_input_is_refused() {
        for bytes in [
            &b""[..],
            b"hello, world",
            b"\x00\x00\x00\x18ftypmp42",
            b"RIFF\x10\x00\x00\x00WAVEfmt ",
        ] {
            assert!(matches!(size(bytes), Err(SizeError::Unrecognised)));
        }
    }

    #[test]
    fn pseudo_random_garbage_never_panics() {
        // A small xorshift stream, prefixed with each magic so every parser sees noise.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let magics: [&[u8]; 6] = [
            b"\x89PNG\r\n\x1a\n",
            &[0xFF, 0xD8],
            b"GIF89a",
            b"RIFF\0\0\0\0WEBP",
            b"BM",
            b"",
        ];
        for round in 0..3000 {
            let mut bytes = magics[round % magics.len()].to_vec();
            let extra = (round * 7) % 90;
            for _ in 0..extra {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bytes.push((state & 0xFF) as u8);
            }
            let _ = size(&bytes);
        }
    }
}
