//! Unit tests of the header-only size reader: hand-built headers of each format, every
//! truncation, corrupt fields, and pseudo-random noise behind each magic number.

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
