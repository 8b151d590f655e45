//! Video links are recognised by provider and video id: another spelling of a YouTube or Vimeo
//! link the gallery already shows (youtu.be, embed, shorts, m.youtube.com, extra query
//! parameters; player.vimeo.com) is skipped, and so is a second spelling within one run.

use super::*;

#[test]
fn another_spelling_of_a_video_in_the_gallery_is_not_added_again() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=RickAstley",
        "https://vimeo.com/76979871",
        "-o",
        "id",
    ]))
    .success();
    assert_eq!(sandbox.items(&g).len(), 2);

    // One source, another spelling: skipped, the existing item printed, exit 0.
    let again = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "https://youtu.be/dQw4w9WgXcQ",
        "-o",
        "json",
    ]));
    again.success();
    assert!(
        again.stderr.contains("already in the gallery"),
        "{}",
        again.stderr
    );
    assert_eq!(
        again.json()["video"]["videoInfo"]["url"],
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=RickAstley"
    );

    // Several spellings at once, and a new video among them: only the new one is added.
    let more = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://player.vimeo.com/video/76979871?h=8272103f6e",
        "https://youtu.be/9bZkp7q19f0",
        "https://www.youtube.com/watch?v=9bZkp7q19f0&t=10",
        "-o",
        "id",
    ]));
    more.success();
    assert!(
        more.stderr.contains("added 1 of 6 item(s)"),
        "{}",
        more.stderr
    );
    let items = sandbox.items(&g);
    assert_eq!(items.len(), 3, "{items:#?}");
    assert_eq!(
        items[2]["video"]["videoInfo"]["url"],
        "https://youtu.be/9bZkp7q19f0"
    );
}
