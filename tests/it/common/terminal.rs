//! A child on a pseudo-terminal of the test's own making (its controlling terminal, so
//! `/dev/tty` is this one too), for prompts and hidden input: the test reads what the terminal
//! shows, sees whether it echoes, and types lines into it.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use wait_timeout::ChildExt;

use super::process::CEILING;

type Shown = Arc<(Mutex<String>, Condvar)>;

pub struct Terminal {
    child: Child,
    master: File,
    shown: Shown,
    reader: Option<JoinHandle<()>>,
}

impl Terminal {
    /// Starts `cmd` in a new session whose controlling terminal is a new pseudo-terminal, with
    /// stdin, stdout and stderr on it.
    pub fn spawn(mut cmd: Command) -> Terminal {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: openpty writes two descriptors into the integers given; the name, termios and
        // window size pointers may be null.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened for us and are owned by nothing else.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        cmd.stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave));
        // SAFETY: between fork and exec only async-signal-safe calls: setsid(2) and ioctl(2).
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn on a terminal");
        // The child holds the terminal now; this process keeps only the master side, so reading
        // it ends once the child has closed the terminal.
        drop(cmd);
        let master = File::from(master);
        let shown: Shown = Arc::default();
        let reader = {
            let mut master = master.try_clone().expect("dup");
            let shown = Arc::clone(&shown);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                // Ends with EIO once the last holder of the terminal's other side has closed it.
                while let Ok(n) = master.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let (text, changed) = &*shown;
                    text.lock()
                        .expect("terminal text")
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                    changed.notify_all();
                }
            })
        };
        Terminal {
            child,
            master,
            shown,
            reader: Some(reader),
        }
    }

    /// Everything the terminal has shown so far.
    pub fn shown(&self) -> String {
        self.shown.0.lock().expect("terminal text").clone()
    }

    /// Waits until the terminal has shown `text`.
    #[track_caller]
    pub fn wait_for_text(&self, text: &str) {
        let (shown, changed) = &*self.shown;
        let deadline = Instant::now() + CEILING;
        let mut guard = shown.lock().expect("terminal text");
        while !guard.contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "the terminal never showed {text:?}: {guard}"
            );
            guard = changed.wait_timeout(guard, left).expect("terminal text").0;
        }
    }

    /// Whether the terminal echoes what is typed (the child turns this off to read a secret).
    pub fn echoes(&self) -> bool {
        // SAFETY: termios is plain old data; tcgetattr fills it in from the descriptor, and on
        // a pseudo-terminal's master side it reports the settings the child made.
        let mut settings: libc::termios = unsafe { std::mem::zeroed() };
        let got = unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut settings) };
        assert_eq!(got, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        settings.c_lflag & libc::ECHO != 0
    }

    /// Types `line` and Enter.
    pub fn type_line(&self, line: &str) {
        (&self.master)
            .write_all(format!("{line}\n").as_bytes())
            .expect("type into the terminal");
    }

    /// Waits for the child to exit; its status and everything the terminal showed.
    #[track_caller]
    pub fn finish(mut self) -> (ExitStatus, String) {
        let status = match self.child.wait_timeout(CEILING).expect("wait") {
            Some(status) => status,
            None => {
                let _ = self.child.kill();
                panic!("did not finish within {CEILING:?}: {}", self.shown());
            }
        };
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        (status, self.shown())
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if self.reader.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
