//! The bytes of the seeded media: the seed (`seed.rs`) puts the reference's Wix media ids in the
//! default site's Media Manager, and these small, real files are what the sandbox serves for them
//! (through `generate-file-download-url`, see `download.rs`), so an export of the seeded site works
//! offline. They were drawn by `scripts/make-seed-media.py` (headless Chromium) and are compiled
//! in: about 75 KB in all.

/// The dunes at sunset of the seeded image item (`Some Title`) and the focal-point gallery.
const DUNES: &[u8] = include_bytes!("seed/dunes.jpg");
/// The poster of the seeded YouTube item.
const YOUTUBE_POSTER: &[u8] = include_bytes!("seed/youtube-poster.jpg");
/// The seeded Wix video (`Mountainous Landscape`), two seconds of H.264 in MP4.
const MOUNTAINS_VIDEO: &[u8] = include_bytes!("seed/mountains.mp4");
/// Its four posters.
const MOUNTAINS: [&[u8]; 4] = [
    include_bytes!("seed/mountains-0.jpg"),
    include_bytes!("seed/mountains-1.jpg"),
    include_bytes!("seed/mountains-2.jpg"),
    include_bytes!("seed/mountains-3.jpg"),
];

const VIDEO_ID: &str = "11062b_20125b6ebe434abd96c4d7773634d1db";

/// The stored bytes and content type of a seeded media id, if it is one.
pub fn bytes_of(id: &str) -> Option<(&'static [u8], &'static str)> {
    match id {
        "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg" => Some((DUNES, "image/jpeg")),
        "468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg" => Some((YOUTUBE_POSTER, "image/jpeg")),
        VIDEO_ID => Some((MOUNTAINS_VIDEO, "video/mp4")),
        poster => {
            let n = poster
                .strip_prefix(VIDEO_ID)?
                .strip_prefix("f00")?
                .strip_suffix(".jpg")?
                .parse::<usize>()
                .ok()?;
            MOUNTAINS.get(n).map(|bytes| (*bytes, "image/jpeg"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_file_has_real_bytes_of_its_type() {
        let jpeg = |b: &[u8]| b.starts_with(&[0xFF, 0xD8, 0xFF]) && b.ends_with(&[0xFF, 0xD9]);
        for id in [
            "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
            "468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg",
            "11062b_20125b6ebe434abd96c4d7773634d1dbf000.jpg",
            "11062b_20125b6ebe434abd96c4d7773634d1dbf003.jpg",
        ] {
            let (bytes, mime) = bytes_of(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(mime, "image/jpeg");
            assert!(jpeg(bytes), "{id} is not a whole JPEG");
        }
        let (video, mime) = bytes_of(VIDEO_ID).unwrap();
        assert_eq!(mime, "video/mp4");
        assert_eq!(&video[4..8], b"ftyp");
        assert!(bytes_of("11062b_20125b6ebe434abd96c4d7773634d1dbf004.jpg").is_none());
        assert!(bytes_of("unknown~mv2.jpg").is_none());
    }
}
