//! What a person sees on a terminal (`PROGALLERY_FORCE_TTY=1`, a fixed `COLUMNS`): tables that
//! fit the width by dropping columns instead of stacking letters, the detail view of a `get`,
//! `sandbox status` as aligned lines, and `-h` and `--help` printing the same thing.

use crate::common::{cli_in, run};

const SEEDED_GALLERY: &str = "e481d9b4-14b9-4a98-ae52-67f4170e3a63";
const SEEDED_IMAGE: &str = "a045b201-ee7d-447c-b0c3-746cba83253c";
/// The seeded gallery in its order: the reference's sortOrders mix seconds (the image) and
/// milliseconds (the others).
const SEEDED_ITEMS: [&str; 4] = [
    SEEDED_IMAGE,
    "17c786c6-5d5d-4271-995a-02d007809064",
    "975a57a1-eccd-4e28-aac5-265be4dbb4f8",
    "534264c7-0c61-45ce-b414-891aacadf4c2",
];

fn on_terminal(home: &std::path::Path, columns: u16) -> std::process::Command {
    let mut cmd = cli_in(home);
    cmd.env("PROGALLERY_FORCE_TTY", "1")
        .env("COLUMNS", columns.to_string());
    cmd
}

#[test]
fn tables_fit_narrow_terminals_by_dropping_columns_and_never_wrap_ids() {
    let home = tempfile::tempdir().unwrap();
    for (columns, dropped) in [
        (60, &["MEDIA", "SORT ORDER", "CREATED", "TYPE"][..]),
        (100, &["SORT ORDER", "MEDIA"][..]),
        (250, &[][..]),
    ] {
        let out = run(on_terminal(home.path(), columns).args([
            "--sandbox",
            "items",
            "list",
            SEEDED_GALLERY,
        ]));
        out.success();
        let lines = out.lines();
        // A header and one line per item: nothing wrapped onto a second line.
        assert_eq!(
            lines.len(),
            1 + SEEDED_ITEMS.len(),
            "{columns}:\n{}",
            out.stdout
        );
        for line in &lines {
            assert!(
                line.chars().count() <= columns as usize,
                "{columns}: line wider than the terminal:\n{}",
                out.stdout
            );
        }
        for (line, id) in lines[1..].iter().zip(SEEDED_ITEMS) {
            assert!(line.contains(id), "{columns}: id cut:\n{}", out.stdout);
        }
        for header in ["ID", "TYPE", "TITLE", "MEDIA", "SORT ORDER", "CREATED"] {
            assert_eq!(
                lines[0].contains(header),
                !dropped.contains(&header),
                "{columns}: {header}:\n{}",
                out.stdout
            );
        }
    }
    // The old layout squeezed NAME to one letter per line at 60 columns.
    let out = run(on_terminal(home.path(), 60).args(["--sandbox", "galleries", "list"]));
    out.success();
    assert_eq!(out.lines().len(), 3, "{}", out.stdout);
    assert!(out.lines()[2].contains("Simple"), "{}", out.stdout);
}

#[test]
fn get_on_a_terminal_shows_one_field_per_line_in_full() {
    let home = tempfile::tempdir().unwrap();
    let out = run(on_terminal(home.path(), 60).args([
        "--sandbox",
        "items",
        "get",
        SEEDED_GALLERY,
        SEEDED_IMAGE,
    ]));
    out.success();
    let lines = out.lines();
    assert_eq!(
        lines[0],
        format!("ID           {SEEDED_IMAGE}"),
        "{}",
        out.stdout
    );
    for expected in [
        "TYPE         IMAGE",
        "TITLE        Some Title",
        "DESCRIPTION  Some Description",
        // In full, though far wider than the 40 a list allows and than the terminal.
        "MEDIA        https://static.wixstatic.com/media/11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
        "MEDIA ID     11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
        "ALT TEXT     Some Alt",
        "TAGS         image",
        "CREATED      2022-02-08T10:59:29Z",
    ] {
        assert!(
            lines.contains(&expected),
            "{expected:?} in:\n{}",
            out.stdout
        );
    }
    // Fields the item does not have are left out, not shown empty.
    assert!(!out.stdout.contains("LINK"), "{}", out.stdout);

    let out =
        run(on_terminal(home.path(), 100).args(["--sandbox", "galleries", "get", SEEDED_GALLERY]));
    out.success();
    assert!(
        out.lines()
            .contains(&format!("ID          {SEEDED_GALLERY}").as_str()),
        "{}",
        out.stdout
    );
    assert!(out.lines().contains(&"ITEMS       4"), "{}", out.stdout);

    // Off a terminal the same command still prints the tsv row scripts read.
    let out =
        run(cli_in(home.path()).args(["--sandbox", "items", "get", SEEDED_GALLERY, SEEDED_IMAGE]));
    out.success();
    assert_eq!(out.lines().len(), 1, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with(&format!("{SEEDED_IMAGE}\tIMAGE\tSome Title\t")),
        "{}",
        out.stdout
    );
}

#[test]
fn sandbox_status_on_a_terminal_is_aligned_lines_not_tsv() {
    let home = tempfile::tempdir().unwrap();
    // Creates and seeds the database.
    run(cli_in(home.path()).args(["--sandbox", "galleries", "list"])).success();
    let out = run(on_terminal(home.path(), 120).args(["sandbox", "status"]));
    out.success();
    assert!(!out.stdout.contains('\t'), "{}", out.stdout);
    let db = home.path().join("data").join("sandbox.db");
    assert!(
        out.lines()
            .contains(&format!("database      {}", db.display()).as_str()),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "sites         00000000-0000-0000-0000-000000000000 (default): 2 galleries, 5 items"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("webhook key   "), "{}", out.stdout);
    // Scripts keep their tab-separated lines, asked for or in a pipe.
    for args in [
        &["sandbox", "status", "-o", "tsv"][..],
        &["sandbox", "status"][..],
    ] {
        let out = run(cli_in(home.path()).args(args));
        out.success();
        assert!(
            out.stdout.contains(&format!("database\t{}", db.display())),
            "{}",
            out.stdout
        );
    }
}

/// Every command's names, from the `Commands:` sections of the help itself, so a new verb is
/// covered without editing this test.
fn subcommands(home: &std::path::Path, path: &[String]) -> Vec<String> {
    let out = run(cli_in(home).args(path).arg("-h"));
    out.success();
    out.stdout
        .split("\nCommands:\n")
        .nth(1)
        .map(|section| {
            section
                .lines()
                .take_while(|line| line.starts_with("  "))
                // A name sits two spaces in; deeper lines continue a wrapped description.
                .filter(|line| !line.starts_with("   "))
                .filter_map(|line| line.split_whitespace().next())
                .filter(|name| *name != "help")
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn short_and_long_help_are_the_same_for_every_command() {
    let home = tempfile::tempdir().unwrap();
    let mut pending = vec![Vec::<String>::new()];
    let mut checked = 0;
    while let Some(path) = pending.pop() {
        let short = run(cli_in(home.path()).args(&path).arg("-h"));
        let long = run(cli_in(home.path()).args(&path).arg("--help"));
        short.success();
        long.success();
        assert_eq!(
            short.stdout,
            long.stdout,
            "`progallery {} -h` and `--help` differ",
            path.join(" ")
        );
        checked += 1;
        for name in subcommands(home.path(), &path) {
            let mut child = path.clone();
            child.push(name);
            pending.push(child);
        }
    }
    assert!(checked > 30, "only {checked} commands found");
    // What `items add` used to say only under --help is still there, under both.
    let out = run(cli_in(home.path()).args(["items", "add", "-h"]));
    assert!(
        out.stdout
            .contains("re-running an add only adds what is missing"),
        "{}",
        out.stdout
    );
}

#[test]
fn ctrl_c_in_a_bulk_delete_table_lists_no_unsent_ids() {
    use crate::common::{Run, Sandbox};

    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(2500);
    let Run { stdout, stderr, .. } = sandbox.ctrl_c_at_first_post(
        sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .env("COLUMNS", "100")
            .args(["items", "bulk-delete", &g, "--all", "--yes"]),
        300,
    );
    let left = sandbox.items(&g).len();
    assert!(
        left > 0,
        "the interrupt landed after the last batch: {stderr}"
    );
    // The count is in the summary; the ids themselves are not listed one per line.
    assert!(
        stderr.contains(&format!("{left} not sent")),
        "{left} left; {stderr}"
    );
    assert!(!stdout.contains("not_sent"), "{stdout}");
    assert!(stdout.lines().count() < 10, "{stdout}");
}

#[test]
fn progress_bars_leave_room_at_the_right_edge() {
    use crate::common::media::png;
    use crate::common::Sandbox;

    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--latency", "50"]);
    let g = sandbox.new_gallery("bars");
    let dir = tempfile::tempdir().unwrap();
    for i in 0..6 {
        crate::add::write(dir.path(), &format!("p{i}.png"), &png(40 + i, 30, 20_000));
    }
    let out = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .env("COLUMNS", "80")
        .args(["items", "add", &g, "-o", "id"])
        .arg(dir.path()));
    out.success();
    let drawn: Vec<&str> = out
        .stderr
        .split(['\n', '\r'])
        .map(|segment| segment.trim_start_matches("\x1b[2K"))
        .filter(|segment| segment.starts_with("adding items"))
        .collect();
    assert!(!drawn.is_empty(), "{}", out.stderr);
    // Padded to 77 at most: a terminal's echoed ^C still fits on the bar's line, and the
    // bar shrinks to fit rather than pushing the text onto a second line.
    for line in drawn {
        assert!(line.chars().count() <= 77, "{line:?}");
        assert!(
            line.contains("=") || line.contains("[ "),
            "no room for the bar: {line:?}"
        );
        assert!(line.contains("KiB"), "{line:?}");
    }
}
