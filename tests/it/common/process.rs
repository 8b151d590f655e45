//! Child processes of the tests: every run of the binary goes through [`Process`], which reads
//! its stdout and stderr as they come (a line at a time when a test waits for one), stops it with
//! a real signal, and never waits for ever: each wait has a generous ceiling that only guards
//! against a hang, never a bound a slow machine could reach.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// How long any wait of a test may last before it counts as a hang.
pub const CEILING: Duration = Duration::from_secs(120);

/// How often [`wait_for`] looks again.
const POLL: Duration = Duration::from_millis(20);

#[derive(Clone, Copy, Debug)]
pub enum Signal {
    /// SIGINT, as Ctrl-C sends it.
    Interrupt,
    /// SIGTERM, as a service manager stops a service.
    Terminate,
}

/// Sends `signal` to a child that has not been waited for (so its pid cannot have been reused).
pub fn send_signal(child: &Child, signal: Signal) {
    let number = match signal {
        Signal::Interrupt => libc::SIGINT,
        Signal::Terminate => libc::SIGTERM,
    };
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill(2) only takes two integers and touches none of this process's memory.
    let sent = unsafe { libc::kill(pid, number) };
    assert_eq!(
        sent,
        0,
        "kill({pid}, {signal:?}): {}",
        std::io::Error::last_os_error()
    );
}

/// Polls `done` until it holds; fails the test if it still does not after [`CEILING`].
#[track_caller]
pub fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + CEILING;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "still waiting for {what} after {CEILING:?}"
        );
        std::thread::sleep(POLL);
    }
}

/// The wall clock in milliseconds since the epoch, as the sandbox stamps its records.
pub fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Returns once the wall clock reads `millis` or later.
#[track_caller]
pub fn wait_until_millis(millis: i64) {
    let deadline = Instant::now() + CEILING;
    while now_millis() < millis {
        assert!(
            Instant::now() < deadline,
            "the clock did not reach {millis}"
        );
        std::thread::yield_now();
    }
}

/// Returns once the wall clock has moved on to the next millisecond: whatever the sandbox stamps
/// after this is strictly later than whatever it stamped before.
#[track_caller]
pub fn next_millisecond() {
    wait_until_millis(now_millis() + 1);
}

/// Output of a finished run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// Stdout as JSON lines (`-o jsonl`), one value a line; fails the test on a line that is not
    /// JSON.
    #[track_caller]
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A running child with its stdout and stderr read by two threads: stdout a line at a time (so a
/// test can wait for one), stderr kept whole (and a line at a time too).
pub struct Process {
    child: Child,
    stdout: Mutex<Receiver<String>>,
    stderr_lines: Mutex<Receiver<String>>,
    stderr: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
    /// One message per reader whose pipe has ended.
    pipes_closed: Mutex<Receiver<()>>,
    writer: Option<JoinHandle<()>>,
    finished: bool,
}

/// Sends each line of `pipe` (newline included, so the text can be put back together exactly).
fn read_lines(
    pipe: impl std::io::Read + Send + 'static,
    closed: Sender<()>,
    mut each: impl FnMut(String) + Send + 'static,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        loop {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => each(String::from_utf8_lossy(&line).into_owned()),
            }
        }
        let _ = closed.send(());
    })
}

impl Process {
    /// Spawns `cmd` with its stdout and stderr piped to this process (its stdin as `cmd` says).
    pub fn spawn(cmd: &mut Command) -> Process {
        Process::spawn_with_stdin(cmd, None)
    }

    /// Like [`Process::spawn`], writing `stdin` to the child from a thread (so a large input
    /// cannot deadlock against its output), then closing it.
    pub fn spawn_with_stdin(cmd: &mut Command, stdin: Option<&[u8]>) -> Process {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if stdin.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {:?}: {e}", cmd.get_program()));
        // The child may exit without reading all its input (e.g. on a bad flag): a broken pipe
        // is its choice, not a test failure.
        let writer = stdin.map(|input| {
            let mut pipe = child.stdin.take().expect("stdin");
            let input = input.to_vec();
            std::thread::spawn(move || match pipe.write_all(&input) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
                _ => {}
            })
        });
        let (out_tx, stdout) = channel();
        let (err_tx, stderr_lines) = channel();
        let stderr = Arc::new(Mutex::new(String::new()));
        let kept = Arc::clone(&stderr);
        let (closed, pipes_closed) = channel();
        let readers = vec![
            read_lines(
                child.stdout.take().expect("stdout"),
                closed.clone(),
                move |line| {
                    let _ = out_tx.send(line);
                },
            ),
            read_lines(child.stderr.take().expect("stderr"), closed, move |line| {
                kept.lock().expect("stderr").push_str(&line);
                let _ = err_tx.send(line);
            }),
        ];
        Process {
            child,
            stdout: Mutex::new(stdout),
            stderr_lines: Mutex::new(stderr_lines),
            stderr,
            readers,
            pipes_closed: Mutex::new(pipes_closed),
            writer,
            finished: false,
        }
    }

    /// The next line of stdout (without its newline); fails the test if stdout ends first.
    #[track_caller]
    pub fn next_line(&self) -> String {
        match self.stdout.lock().expect("stdout").recv_timeout(CEILING) {
            Ok(line) => line.trim_end_matches(['\n', '\r']).to_string(),
            Err(RecvTimeoutError::Timeout) => panic!(
                "no line on stdout within {CEILING:?}; stderr: {}",
                self.stderr()
            ),
            Err(RecvTimeoutError::Disconnected) => panic!(
                "stdout ended before the line a test waited for; stderr: {}",
                self.stderr()
            ),
        }
    }

    /// The next line of stderr (without its newline); fails the test if stderr ends first.
    #[track_caller]
    pub fn next_stderr_line(&self) -> String {
        match self
            .stderr_lines
            .lock()
            .expect("stderr")
            .recv_timeout(CEILING)
        {
            Ok(line) => line.trim_end_matches(['\n', '\r']).to_string(),
            Err(_) => panic!(
                "no further line on stderr within {CEILING:?}; stderr: {}",
                self.stderr()
            ),
        }
    }

    /// Stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr").clone()
    }

    /// The child's process id (to look at it in /proc).
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    pub fn signal(&self, signal: Signal) {
        send_signal(&self.child, signal);
    }

    /// Waits for the exit (up to [`CEILING`]), then for the end of both pipes; the stdout not
    /// yet taken by [`Process::next_line`] and the whole stderr. None if it did not exit in time
    /// (it is then killed).
    fn wait_within(&mut self, limit: Duration) -> Option<(ExitStatus, String, String)> {
        self.finished = true;
        let status = match self.child.wait_timeout(limit).expect("wait for a child") {
            Some(status) => status,
            None => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return None;
            }
        };
        if let Some(writer) = self.writer.take() {
            writer.join().expect("stdin writer");
        }
        // The pipes end when the child and everything it started have closed them (a
        // grandchild that keeps one open is given the same ceiling, then left behind).
        let deadline = Instant::now() + CEILING;
        for _ in 0..self.readers.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            if self
                .pipes_closed
                .lock()
                .expect("pipes")
                .recv_timeout(left)
                .is_err()
            {
                break;
            }
        }
        for reader in self.readers.drain(..).filter(JoinHandle::is_finished) {
            let _ = reader.join();
        }
        let stdout: String = self.stdout.lock().expect("stdout").try_iter().collect();
        Some((status, stdout, self.stderr()))
    }

    /// Waits for the exit and collects the output; fails the test after [`CEILING`].
    #[track_caller]
    pub fn finish(mut self) -> Run {
        match self.wait_within(CEILING) {
            Some((status, stdout, stderr)) => Run {
                code: status.code().unwrap_or(-1),
                stdout,
                stderr,
            },
            None => panic!(
                "{} did not finish within {CEILING:?}; stderr: {}",
                self.child.id(),
                self.stderr()
            ),
        }
    }

    /// Sends `signal`, then [`Process::finish`].
    #[track_caller]
    pub fn stop(self, signal: Signal) -> Run {
        self.signal(signal);
        self.finish()
    }

    /// Ends the child at once (SIGKILL), as a crash would.
    pub fn kill(mut self) {
        self.finished = true;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// For a `Drop`: SIGTERM and a wait; None when it had to be killed.
    pub(super) fn terminate(&mut self) -> Option<(ExitStatus, String, String)> {
        if self.child.try_wait().ok().flatten().is_none() {
            send_signal(&self.child, Signal::Terminate);
        }
        self.wait_within(CEILING)
    }
}

impl Drop for Process {
    /// A child a test did not wait for (it failed early) is stopped as a user would stop it,
    /// so it too gets to remove what it made.
    fn drop(&mut self) {
        if !self.finished {
            let _ = self.terminate();
        }
    }
}

/// Runs a command to completion and collects its output.
#[track_caller]
pub fn run(cmd: &mut Command) -> Run {
    Process::spawn(cmd).finish()
}

#[track_caller]
pub fn run_with_stdin(cmd: &mut Command, stdin: Option<&[u8]>) -> Run {
    Process::spawn_with_stdin(cmd, stdin).finish()
}
