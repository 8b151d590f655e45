//! Hand-built media files: valid headers, then filler (neither the sandbox nor the CLI decodes
//! pixels, they read headers only), an MP4 with a real header (size and duration), and their
//! hashes: MD5 as the Media Manager reports it, SHA-256 as older caches recorded it.

use md5::Md5;
use sha2::{Digest, Sha256};

pub fn filler(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31) ^ seed)
        .collect()
}

pub fn png(width: u32, height: u32, extra: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b.extend(filler(extra, 1));
    b
}

pub fn jpeg(width: u16, height: u16, extra: usize) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    // An EXIF-sized APP1 before the frame header, as cameras write.
    b.extend_from_slice(&[0xFF, 0xE1, 0x4E, 0x22]);
    b.extend(filler(0x4E20, 2));
    b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x0C]);
    b.extend(filler(10 + extra, 3));
    b.extend_from_slice(&[0xFF, 0xD9]);
    b
}

pub fn gif(width: u16, height: u16, extra: usize) -> Vec<u8> {
    let mut b = b"GIF89a".to_vec();
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&[0xF7, 0, 0]);
    b.extend(filler(extra, 4));
    b
}

pub fn webp(width: u32, height: u32, extra: usize) -> Vec<u8> {
    let mut payload = vec![0x10, 0, 0, 0];
    payload.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    payload.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut b = b"RIFF".to_vec();
    b.extend_from_slice(&((payload.len() + 12 + extra) as u32).to_le_bytes());
    b.extend_from_slice(b"WEBPVP8X");
    b.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    b.extend(payload);
    b.extend(filler(extra, 5));
    b
}

/// The Media Manager's `hash` of these bytes (32 hex, as in every Wix example).
pub fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn mp4_box(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
    let mut b = ((content.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(content);
    b
}

/// An MP4 of `width`×`height` lasting `duration_ms`: `ftyp`, `extra` bytes of media data, then
/// `moov` with `mvhd` (timescale 1000) and one track's `tkhd`.
pub fn mp4(width: u32, height: u32, duration_ms: u32, extra: usize) -> Vec<u8> {
    let mut mvhd = vec![0u8; 100];
    mvhd[12..16].copy_from_slice(&1000u32.to_be_bytes());
    mvhd[16..20].copy_from_slice(&duration_ms.to_be_bytes());
    let mut tkhd = vec![0u8; 84];
    tkhd[76..80].copy_from_slice(&(width << 16).to_be_bytes());
    tkhd[80..84].copy_from_slice(&(height << 16).to_be_bytes());
    let mut moov = mp4_box(b"mvhd", &mvhd);
    moov.extend(mp4_box(b"trak", &mp4_box(b"tkhd", &tkhd)));
    let mut file = mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2");
    file.extend(mp4_box(b"mdat", &filler(extra, 8)));
    file.extend(mp4_box(b"moov", &moov));
    file
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A BMP with a BITMAPINFOHEADER, then filler.
pub fn bmp(width: i32, height: i32, extra: usize) -> Vec<u8> {
    let mut b = b"BM".to_vec();
    b.extend_from_slice(&((54 + extra) as u32).to_le_bytes());
    b.extend_from_slice(&[0, 0, 0, 0, 54, 0, 0, 0]);
    b.extend_from_slice(&40u32.to_le_bytes());
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&[1, 0, 24, 0]);
    b.extend_from_slice(&[0; 24]);
    b.extend(filler(extra, 6));
    b
}
