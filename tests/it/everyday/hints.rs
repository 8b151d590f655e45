//! Hints that point the right way, each found as a new user would find it; and default titles
//! for items added from a link or a bare media id.

use std::process::Command;

use crate::common::*;

#[test]
fn a_busy_port_on_sandbox_serve_names_the_port_not_the_database() {
    let first = Sandbox::empty();
    let addr = first.base_url.trim_start_matches("http://").to_string();
    let home = tempfile::tempdir().unwrap();
    for storage in [&["--memory"][..], &[][..]] {
        let out = run(cli_in(home.path())
            .args(["sandbox", "serve", "--addr", &addr])
            .args(storage));
        out.code(1);
        assert!(
            out.stderr.contains(&format!(
                "hint: another program (another `sandbox serve`?) already listens on {addr}: stop it, or pick a free port with `--addr 127.0.0.1:0`"
            )),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("damaged"), "{}", out.stderr);
    }
}

#[test]
fn bulk_delete_without_a_selection_names_every_way_to_select() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli_in(home.path()).args(["items", "bulk-delete", "Trip", "--yes"]));
    out.code(2);
    assert_eq!(
        out.stderr,
        "progallery: error: nothing selected: give item ids, --ids-from FILE, --where EXPR or --all\n\
         hint: e.g. `--where 'type=VIDEO'`; look at a selection first with `progallery items list GALLERY --where EXPR`\n"
    );
}

#[test]
fn usage_lines_leave_out_options_set_in_the_environment() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", "http://127.0.0.1:9")
        .env("PROGALLERY_OUTPUT", "json")
        .args(["items", "get", "Trip"]));
    out.code(2);
    assert_eq!(
        out.stderr,
        "progallery: error: the following required arguments were not provided: <ITEM_ID>\n\
         hint: usage: progallery items get <GALLERY> <ITEM_ID> (see --help)\n"
    );
}

#[test]
fn an_out_of_range_limit_points_at_the_verbs_help() {
    let home = tempfile::tempdir().unwrap();
    for (args, help) in [
        (
            &["items", "list", "G", "--limit", "500"][..],
            "progallery items list --help",
        ),
        (
            &["galleries", "ls", "--limit", "11"][..],
            "progallery galleries list --help",
        ),
        (
            &["i", "search", "x", "--limit", "0"][..],
            "progallery items search --help",
        ),
    ] {
        let out = run(cli_in(home.path()).args(args));
        out.code(2);
        assert!(
            out.stderr.ends_with(&format!("hint: see `{help}`\n")),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn no_input_refusals_say_no_input_and_not_a_terminal_only_off_one() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Trip", text_items(1));
    let item = sandbox.item_ids(&g).remove(0);
    let out = run(sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
        "--no-input",
        "items",
        "delete",
        &g,
        &item,
    ]));
    out.code(2);
    assert!(
        out.stderr.contains("refusing without --yes under --no-input (or PROGALLERY_NO_INPUT), which forbids asking\n"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("terminal"), "{}", out.stderr);
    let out = run(sandbox.cli().args(["items", "delete", &g, &item]));
    out.code(2);
    assert!(
        out.stderr
            .contains("refusing without --yes when stdin is not a terminal\n"),
        "{}",
        out.stderr
    );
    assert_eq!(sandbox.item_ids(&g), vec![item]);
}

#[test]
fn the_readmes_completion_install_lines_work_in_a_fresh_home() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let install = readme
        .split("## Install")
        .nth(1)
        .and_then(|s| s.split("```sh\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("an Install code block");
    let lines: Vec<&str> = install
        .lines()
        .filter(|l| l.contains("completions") || l.starts_with("mkdir"))
        .map(|l| l.split("  #").next().unwrap().trim())
        .collect();
    assert!(
        lines.iter().any(|l| l.contains("completions bash")),
        "{install}"
    );
    assert!(
        lines.iter().any(|l| l.contains("completions zsh")),
        "{install}"
    );
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("progallery");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let script = lines.join("\n");
    let out = run(Command::new("sh")
        .args(["-euc", &script])
        .env_clear_test_env(home.path())
        .env("PATH", path));
    out.success();
    let bash = std::fs::read_to_string(
        home.path()
            .join(".local/share/bash-completion/completions/progallery"),
    )
    .unwrap();
    assert!(bash.contains("COMPLETE=\"bash\""), "{bash}");
    assert!(home.path().join(".zfunc/_progallery").exists());
}

/// Every command's help text, from the `Commands:` sections of the help itself.
fn every_help(home: &std::path::Path) -> Vec<(String, String)> {
    let mut pending = vec![Vec::<String>::new()];
    let mut helps = Vec::new();
    while let Some(path) = pending.pop() {
        let out = run(cli_in(home).args(&path).arg("--help"));
        out.success();
        if let Some(section) = out.stdout.split("\nCommands:\n").nth(1) {
            for line in section.lines().take_while(|l| l.starts_with("  ")) {
                if line.starts_with("   ") {
                    continue;
                }
                if let Some(name) = line.split_whitespace().next().filter(|n| *n != "help") {
                    let mut child = path.clone();
                    child.push(name.to_string());
                    pending.push(child);
                }
            }
        }
        helps.push((path.join(" "), out.stdout));
    }
    helps
}

#[test]
fn help_examples_fit_80_columns_and_never_wrap_a_flag_onto_its_own_line() {
    let home = tempfile::tempdir().unwrap();
    let helps = every_help(home.path());
    assert!(helps.len() > 30);
    // Without examples to look at, the loop below would check nothing.
    let mut with_examples = 0;
    for (command, help) in helps {
        let Some(examples) = help.split("Examples:\n").nth(1) else {
            continue;
        };
        with_examples += 1;
        let mut previous = "";
        for line in examples.lines().take_while(|l| !l.is_empty()) {
            assert!(line.chars().count() <= 80, "`{command} --help`: {line:?}");
            let continues = previous.ends_with('\\') || previous.ends_with('|');
            if line.starts_with("    ") {
                assert!(continues, "`{command} --help`: a wrapped line {line:?}");
            } else {
                assert!(
                    !continues,
                    "`{command} --help`: {previous:?} continues nowhere"
                );
                assert!(
                    line.starts_with("  ") && !line.starts_with("  -"),
                    "`{command} --help`: {line:?}"
                );
            }
            previous = line;
        }
    }
    assert!(
        with_examples > 30,
        "only {with_examples} help texts with examples"
    );
}

#[test]
fn links_and_media_ids_get_a_title_unless_title_is_empty() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Titles");
    let out = run(sandbox.cli().args([
        "items",
        "add",
        "Titles",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/76979871",
        "https://static.wixstatic.com/media/11062b_abc~mv2.jpeg",
        "--width",
        "10",
        "--height",
        "10",
        "-o",
        "jsonl",
        "--jq",
        ".item.title",
    ]));
    out.success();
    assert_eq!(out.stdout, "dQw4w9WgXcQ\n76979871\n11062b_abc~mv2\n");
    let out = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "https://youtu.be/x1y2z3",
        "--title",
        "",
        "-o",
        "json",
    ]));
    out.success();
    assert_eq!(out.json()["title"].as_str().unwrap_or_default(), "");
    let titles: Vec<String> = sandbox
        .items(&g)
        .iter()
        .map(|i| i["title"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(titles, ["dQw4w9WgXcQ", "76979871", "11062b_abc~mv2", ""]);
}
