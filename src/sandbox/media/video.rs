//! Videos as the Media Manager describes them (spec §6): `media.video {id, resolutions, posters,
//! duration}`. The sandbox does not transcode. It reads a video's frame size and duration from its
//! MP4/QuickTime header (the `tkhd` and `mvhd` boxes; a WebM or an MP4 it cannot read counts as
//! 1280×720 of unknown duration), and describes the renditions Wix would make of it: the
//! playable qualities of a fixed ladder up to the source's height, listed worst first as Wix lists
//! them, plus the non-playable `storyboard` entries Wix includes, and a couple of posters.
//! Rendition URLs serve the original bytes, posters a placeholder image (`routes.rs`).
//!
//! A video whose first bytes are no container the sandbox knows (ISO BMFF `ftyp`, or WebM's EBML
//! magic) "cannot be processed": its processing ends FAILED.

use std::io::{Read, Seek, SeekFrom};

use serde_json::{json, Value};

/// The playable heights Wix's ladder is taken to have (the seed's video shows 480p, 720p, 1080p).
const LADDER: [u32; 4] = [1080, 720, 480, 360];
/// Storyboard heights: thumbnails strips for scrubbing, not renditions.
const STORYBOARDS: [u32; 2] = [144, 240];
/// How many posters a processed video gets (`<id>f000.jpg`, `<id>f001.jpg`, …).
pub const POSTERS: u32 = 2;
/// The size assumed for a video whose header gives none.
const UNKNOWN_SIZE: (u32, u32) = (1280, 720);
/// Bound on the boxes walked, so a hostile file cannot keep the reader busy.
const MAX_BOXES: usize = 4096;

/// What the header of a video says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VideoInfo {
    pub width: u32,
    pub height: u32,
    pub duration_ms: Option<u64>,
}

/// Whether the first bytes are a container the sandbox can "transcode".
pub fn container_known(head: &[u8]) -> bool {
    (head.len() >= 8 && &head[4..8] == b"ftyp") || head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3])
}

/// Reads a video's first bytes and, for MP4/QuickTime, its size and duration; `None` when the
/// container is unknown (the video cannot be processed).
pub fn inspect(file: &mut (impl Read + Seek)) -> std::io::Result<Option<VideoInfo>> {
    let mut head = [0u8; 12];
    let n = read_up_to(file, &mut head)?;
    if !container_known(&head[..n]) {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(0))?;
    let probed = if &head[4..8] == b"ftyp" {
        probe_mp4(file)?
    } else {
        None
    };
    let (width, height) = probed
        .map(|p| (p.width, p.height))
        .filter(|(w, h)| *w > 0 && *h > 0)
        .unwrap_or(UNKNOWN_SIZE);
    Ok(Some(VideoInfo {
        width,
        height,
        duration_ms: probed.and_then(|p| p.duration_ms),
    }))
}

fn read_up_to(file: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// One box header: its type, where its content starts and where it ends.
struct BoxHeader {
    kind: [u8; 4],
    content: u64,
    end: u64,
}

fn next_box(
    file: &mut (impl Read + Seek),
    at: u64,
    limit: u64,
) -> std::io::Result<Option<BoxHeader>> {
    if at + 8 > limit {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(at))?;
    let mut head = [0u8; 8];
    if read_up_to(file, &mut head)? < 8 {
        return Ok(None);
    }
    let size = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
    let kind = [head[4], head[5], head[6], head[7]];
    let (content, end) = match size {
        0 => (at + 8, limit),
        1 => {
            let mut large = [0u8; 8];
            if read_up_to(file, &mut large)? < 8 {
                return Ok(None);
            }
            (at + 16, at.saturating_add(u64::from_be_bytes(large)))
        }
        n => (at + 8, at.saturating_add(n)),
    };
    if end < content || end > limit {
        return Ok(None);
    }
    Ok(Some(BoxHeader { kind, content, end }))
}

/// The children of `[start, end)` of the given type, in order.
fn children(
    file: &mut (impl Read + Seek),
    start: u64,
    end: u64,
    walked: &mut usize,
) -> std::io::Result<Vec<BoxHeader>> {
    let mut found = Vec::new();
    let mut at = start;
    while let Some(header) = next_box(file, at, end)? {
        *walked += 1;
        if *walked > MAX_BOXES || header.end <= at {
            break;
        }
        at = header.end;
        found.push(header);
    }
    Ok(found)
}

fn probe_mp4(file: &mut (impl Read + Seek)) -> std::io::Result<Option<VideoInfo>> {
    let length = file.seek(SeekFrom::End(0))?;
    let mut walked = 0;
    let top = children(file, 0, length, &mut walked)?;
    let Some(moov) = top.iter().find(|b| &b.kind == b"moov") else {
        return Ok(None);
    };
    let mut info = VideoInfo {
        width: 0,
        height: 0,
        duration_ms: None,
    };
    for child in children(file, moov.content, moov.end, &mut walked)? {
        match &child.kind {
            b"mvhd" => info.duration_ms = read_mvhd(file, &child)?,
            b"trak" if info.width == 0 => {
                for part in children(file, child.content, child.end, &mut walked)? {
                    if &part.kind == b"tkhd" {
                        if let Some((w, h)) = read_tkhd(file, &part)? {
                            info.width = w;
                            info.height = h;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(Some(info))
}

fn read_content(
    file: &mut (impl Read + Seek),
    header: &BoxHeader,
    len: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    if header.end - header.content < len as u64 {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(header.content))?;
    let mut buf = vec![0u8; len];
    Ok((read_up_to(file, &mut buf)? == len).then_some(buf))
}

fn be32(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]))
}

fn be64(b: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&b[at..at + 8]);
    u64::from_be_bytes(bytes)
}

/// `mvhd`: version, flags, then (v0) 32-bit or (v1) 64-bit creation/modification times, the
/// timescale and the duration in its units.
fn read_mvhd(file: &mut (impl Read + Seek), header: &BoxHeader) -> std::io::Result<Option<u64>> {
    let Some(b) = read_content(file, header, 32)? else {
        return Ok(None);
    };
    let (timescale, duration) = if b[0] == 1 {
        (be32(&b, 20), be64(&b, 24))
    } else {
        (be32(&b, 12), be32(&b, 16))
    };
    if timescale == 0 || duration == 0 || duration == u64::from(u32::MAX) {
        return Ok(None);
    }
    Ok(Some(duration.saturating_mul(1000) / timescale))
}

/// `tkhd`: the track's presentation size, 16.16 fixed point, at the end of the box.
fn read_tkhd(
    file: &mut (impl Read + Seek),
    header: &BoxHeader,
) -> std::io::Result<Option<(u32, u32)>> {
    let Some(first) = read_content(file, header, 1)? else {
        return Ok(None);
    };
    let at = if first[0] == 1 { 88 } else { 76 };
    let Some(b) = read_content(file, header, at + 8)? else {
        return Ok(None);
    };
    let (w, h) = (be32(&b, at) >> 16, be32(&b, at + 4) >> 16);
    Ok((w > 0 && h > 0).then_some((w as u32, h as u32)))
}

/// Where a video's renditions and posters are served: the sandbox's own URLs, or Wix's static
/// hosts for the seeded files (whose bytes live there).
pub enum Host<'a> {
    Sandbox { base: &'a str },
    Wix,
}

impl Host<'_> {
    fn rendition(&self, id: &str, path: &str) -> String {
        match self {
            Host::Sandbox { base } => format!("{base}{}{id}/{path}", super::MEDIA_PATH),
            Host::Wix => format!("https://video.wixstatic.com/video/{id}/{path}"),
        }
    }

    fn poster(&self, name: &str) -> String {
        match self {
            Host::Sandbox { base } => format!("{base}{}{name}", super::MEDIA_PATH),
            Host::Wix => format!("https://static.wixstatic.com/media/{name}"),
        }
    }
}

/// A rendition's width at `height`, keeping the aspect ratio, rounded to an even number.
fn scaled_width(width: u32, height: u32, to: u32) -> u32 {
    let exact = u64::from(width) * u64::from(to) / u64::from(height.max(1));
    (exact.div_ceil(2) * 2).max(2) as u32
}

/// The name of a video's `n`th poster (`<id>f000.jpg`, as Wix names them).
pub fn poster_name(id: &str, n: u32) -> String {
    format!("{id}f{n:03}.jpg")
}

/// The video a poster name belongs to: `<id>f000.jpg` → `<id>`.
pub fn poster_owner(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".jpg")?;
    // Checked: a name that is not ASCII may put a character across the split.
    let (owner, number) = stem.split_at_checked(stem.len().checked_sub(4)?)?;
    let digits = number.strip_prefix('f')?;
    (digits.chars().all(|c| c.is_ascii_digit()) && !owner.is_empty()).then_some(owner)
}

/// `media` of a processed video's descriptor.
pub fn media(
    id: &str,
    width: u32,
    height: u32,
    duration_ms: Option<u64>,
    host: &Host<'_>,
) -> Value {
    let mut heights: Vec<u32> = LADDER.iter().copied().filter(|q| *q <= height).collect();
    if heights.is_empty() {
        heights.push(height);
    }
    // Worst first, as Wix lists them; the storyboard entries come after.
    heights.sort_unstable();
    let mut resolutions: Vec<Value> = heights
        .iter()
        .map(|&q| {
            json!({
                "url": host.rendition(id, &format!("{q}p/mp4/file.mp4")),
                "width": scaled_width(width, height, q),
                "height": q,
                "format": "mp4",
                "quality": format!("{q}p"),
            })
        })
        .collect();
    for q in STORYBOARDS {
        resolutions.push(json!({
            "url": host.rendition(id, &format!("storyboard/{q}p/mp4/file.mp4")),
            "width": scaled_width(width, height, q),
            "height": q,
            "format": "storyboard",
            "quality": format!("{q}p"),
        }));
    }
    let posters: Vec<Value> = (0..POSTERS)
        .map(|n| {
            let name = poster_name(id, n);
            json!({
                "id": name,
                "url": host.poster(&name),
                "width": width,
                "height": height,
                "filename": name,
            })
        })
        .collect();
    let mut video = json!({
        "id": id,
        "resolutions": resolutions,
        "posters": posters,
    });
    if let Some(ms) = duration_ms {
        // An int64, so a JSON string (spec §1).
        video["duration"] = json!(ms.to_string());
    }
    json!({ "video": video })
}

/// A 1×1 grey PNG served for every poster: the sandbox extracts no frames.
pub const POSTER_PLACEHOLDER: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B,
    0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x68, 0x00, 0x00, 0x00,
    0x82, 0x00, 0x81, 0x77, 0xCD, 0x72, 0xB6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn mp4_box(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
        let mut b = ((content.len() + 8) as u32).to_be_bytes().to_vec();
        b.extend_from_slice(kind);
        b.extend_from_slice(content);
        b
    }

    /// An MP4 with `ftyp`, a large `mdat` first, then `moov` (as many encoders write it).
    fn mp4(width: u32, height: u32, timescale: u32, duration: u32) -> Vec<u8> {
        let mut mvhd = vec![0u8; 100];
        mvhd[12..16].copy_from_slice(&timescale.to_be_bytes());
        mvhd[16..20].copy_from_slice(&duration.to_be_bytes());
        let mut tkhd = vec![0u8; 84];
        tkhd[76..80].copy_from_slice(&(width << 16).to_be_bytes());
        tkhd[80..84].copy_from_slice(&(height << 16).to_be_bytes());
        let trak = mp4_box(b"trak", &mp4_box(b"tkhd", &tkhd));
        let mut moov_content = mp4_box(b"mvhd", &mvhd);
        moov_content.extend(trak);
        let mut file = mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2");
        file.extend(mp4_box(b"mdat", &vec![7u8; 5000]));
        file.extend(mp4_box(b"moov", &moov_content));
        file
    }

    #[test]
    fn reads_size_and_duration_after_the_media_data() {
        let info = inspect(&mut Cursor::new(mp4(1920, 1080, 600, 12_600))).unwrap();
        assert_eq!(
            info,
            Some(VideoInfo {
                width: 1920,
                height: 1080,
                duration_ms: Some(21_000)
            })
        );
        // A container it knows but cannot read: the assumed size, no duration.
        let mut odd = b"\x00\x00\x00\x18ftypisom".to_vec();
        odd.extend([0xFFu8; 300]);
        let info = inspect(&mut Cursor::new(odd)).unwrap().unwrap();
        assert_eq!(
            (info.width, info.height, info.duration_ms),
            (1280, 720, None)
        );
        assert_eq!(
            inspect(&mut Cursor::new(b"not a video".to_vec())).unwrap(),
            None
        );
    }

    #[test]
    fn renditions_up_to_the_source_plus_storyboards_and_posters() {
        let described = media(
            "0a_v",
            1280,
            720,
            Some(5000),
            &Host::Sandbox { base: "http://h" },
        );
        let video = &described["video"];
        let qualities: Vec<&str> = video["resolutions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["quality"].as_str().unwrap())
            .collect();
        assert_eq!(qualities, ["360p", "480p", "720p", "144p", "240p"]);
        assert_eq!(video["resolutions"][1]["width"], 854);
        assert_eq!(video["resolutions"][3]["format"], "storyboard");
        assert_eq!(
            video["posters"][1]["url"],
            "http://h/_sandbox/media/0a_vf001.jpg"
        );
        assert_eq!(video["duration"], "5000");
        assert_eq!(poster_owner("0a_vf001.jpg"), Some("0a_v"));
        assert_eq!(poster_owner("0a_v~mv2.jpg"), None);
        assert_eq!(
            poster_owner("é001.jpg"),
            None,
            "no panic inside a character"
        );
        let tiny = media("x", 200, 100, None, &Host::Wix);
        assert_eq!(tiny["video"]["resolutions"][0]["quality"], "100p");
        assert!(tiny["video"].get("duration").is_none());
    }
}
