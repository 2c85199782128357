//! Faults during a build: the process killed at any moment, an output location that cannot be
//! written, a full disk. The output folder must always hold one whole site, the old or the
//! new; a build that cannot write must fail with the path and the system's reason, leaving the
//! old site as it was and no staging folder behind.
//!
//! Every build here runs the real binary on a copy of the real content in a temporary folder.
//! Some faults need privileges to stage (a tmpfs to fill, an immutable folder); each test says
//! on standard error which way it used, or why it skipped a case.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;
use common::{copy_dir, repo};

const SITEGEN: &str = env!("CARGO_BIN_EXE_sitegen");

/// Which of the two sites a build makes: B differs from A by its title, which every page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Site {
    A,
    B,
}

impl Site {
    fn other(self) -> Site {
        match self {
            Site::A => Site::B,
            Site::B => Site::A,
        }
    }
}

/// A temporary project: `content-a/` (the real content), `content-b/` (the same with another
/// site title) and `themes/`, so both content folders share the themes beside them.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        copy_dir(&repo().join("content"), &dir.path().join("content-a"));
        copy_dir(&repo().join("content"), &dir.path().join("content-b"));
        let site_yaml = dir.path().join("content-b/site.yaml");
        let yaml = fs::read_to_string(&site_yaml).unwrap();
        let edited: Vec<String> = yaml
            .lines()
            .map(|line| if line.starts_with("title:") { "title: \"Faults test: site B\"".into() } else { line.into() })
            .collect();
        assert_ne!(edited.join("\n"), yaml.trim_end(), "site.yaml has no title line to change");
        fs::write(&site_yaml, edited.join("\n") + "\n").unwrap();
        Project { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn content(&self, site: Site) -> PathBuf {
        self.root().join(match site {
            Site::A => "content-a",
            Site::B => "content-b",
        })
    }

    /// The command building `site` into `output`, run through `wrapper` (a program and its
    /// arguments, to which the sitegen command line is appended) when given.
    fn sitegen(&self, site: Site, output: &Path, wrapper: &[&str]) -> Command {
        let mut command = match wrapper.split_first() {
            Some((program, args)) => {
                let mut command = Command::new(program);
                command.args(args).arg(SITEGEN);
                command
            }
            None => Command::new(SITEGEN),
        };
        command.arg("--content").arg(self.content(site)).arg("--output").arg(output);
        command
    }

    /// Builds `site` into `output`, which must succeed; returns the wall time.
    fn build(&self, site: Site, output: &Path) -> Duration {
        let started = Instant::now();
        let run = self.sitegen(site, output, &[]).output().unwrap();
        assert!(run.status.success(), "building {site:?} into {} failed:\n{}", output.display(), stderr(&run));
        started.elapsed()
    }
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// Every folder and file under `dir` with its bytes (folders end in `/` and have none).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        if entry.file_type().is_dir() {
            files.insert(relative + "/", Vec::new());
        } else {
            files.insert(relative, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The staging and set-aside folders of `output` (`.<name>.sitegen-*`) in its parent.
fn strays(output: &Path) -> Vec<String> {
    let prefix = format!(".{}.sitegen-", output.file_name().unwrap().to_string_lossy());
    let mut names: Vec<String> = fs::read_dir(output.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    names.sort();
    names
}

/// Asserts that a build failed with exit status 1, printing a first line that starts with
/// `error: output: `, holds every one of `wanted`, and is followed by the promise that the
/// previous site was left as it was.
fn assert_output_error(run: &Output, wanted: &[&str]) {
    let text = stderr(run);
    assert_eq!(run.status.code(), Some(1), "the build should fail with status 1; stderr:\n{text}");
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: output: "), "stderr should start with an output error:\n{text}");
    for part in wanted {
        assert!(first.contains(part), "the error should contain {part:?}:\n{text}");
    }
    assert!(text.contains("the previous site was left as it was"), "stderr:\n{text}");
}

/// Whether this filesystem swaps two folders in one step (renameat2 with RENAME_EXCHANGE),
/// which sitegen's swap uses where it can: then the output folder is never missing.
#[cfg(target_os = "linux")]
fn exchange_works(dir: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    let (a, b) = (dir.join(".exchange-probe-a"), dir.join(".exchange-probe-b"));
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    let works = renameat_with(CWD, &a, CWD, &b, RenameFlags::EXCHANGE).is_ok();
    fs::remove_dir(&a).unwrap();
    fs::remove_dir(&b).unwrap();
    works
}

#[cfg(not(target_os = "linux"))]
fn exchange_works(_: &Path) -> bool {
    false
}

/// A fixed-seed generator (splitmix64), so every run uses the same delays.
struct Random(u64);

impl Random {
    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as f64 / (u64::MAX as f64 + 1.0)
    }
}

/// Where the output folder was found after a kill.
#[derive(Default, Debug)]
struct Outcomes {
    /// Killed before the swap: the old site.
    old: usize,
    /// Killed after the swap (while the previous site was being removed, or exiting): the
    /// new site.
    new: usize,
    /// Killed between the two renames of the fallback swap: no output folder until the next
    /// build put the old site back.
    recovered: usize,
    /// Finished before the kill came: the new site.
    finished: usize,
}

/// Waits until `ready` holds, `child` has exited or `limit` has passed, polling every
/// `every`.
fn wait_until(child: &mut Child, limit: Duration, every: Duration, ready: impl Fn() -> bool) {
    let started = Instant::now();
    while !ready() && child.try_wait().unwrap().is_none() && started.elapsed() < limit {
        sleep(every);
    }
}

/// The staging folder of the build `pid` writing into `output`.
fn staging(output: &Path, pid: u32) -> PathBuf {
    let name = output.file_name().unwrap().to_string_lossy();
    output.with_file_name(format!(".{name}.sitegen-new-{pid}"))
}

/// When a build's landmarks come, from its start: its staging folder appears (content loaded
/// and annotated), the search index's `index.json` appears in it (the last file written; the
/// swap comes right after), and the process exits.
struct Timeline {
    staged: Duration,
    bundled: Duration,
    exited: Duration,
}

/// Builds `site` into `output` (which must succeed), noting when the landmarks come.
fn timeline(project: &Project, site: Site, output: &Path) -> Timeline {
    let started = Instant::now();
    let mut child = project.sitegen(site, output, &[]).stderr(Stdio::null()).spawn().unwrap();
    let (dir, limit, every) = (staging(output, child.id()), Duration::from_secs(600), Duration::from_millis(1));
    wait_until(&mut child, limit, every, || dir.exists());
    let staged = started.elapsed();
    wait_until(&mut child, limit, every, || dir.join("search/index.json").exists());
    let bundled = started.elapsed();
    assert!(child.wait().unwrap().success(), "building {site:?} into {} failed", output.display());
    Timeline { staged, bundled, exited: started.elapsed() }
}

/// SIGKILL at varied moments of a build, each a quarter of the kills, at a pseudo-random
/// delay (fixed seed) after a landmark of the build, so that they land where intended however
/// fast the machine is:
/// - after the start, spread over the whole build and a little after it;
/// - after the staging folder appears, spread up to the search index: before the swap;
/// - after the search index appears, spread up to a little after the build would exit: the
///   swap is in there;
/// - within 5 ms of the swap being seen (the output folder is another folder, or missing),
///   while the build removes the previous site.
///
/// After each kill the output folder must be, byte for byte, the old site or the new one.
/// Where the filesystem swaps folders in one step (Linux: RENAME_EXCHANGE) it must never be
/// missing. Elsewhere a kill between the fallback's two renames leaves it missing, and the
/// next build must put the old site back. Leftover staging folders must not pile up, and a
/// successful build removes them all.
#[test]
fn a_killed_build_leaves_the_old_site_or_the_new() {
    const KILLS: usize = 24;
    let project = Project::new();
    let root = project.root();
    let out = root.join("out");
    let (a, b) = (timeline(&project, Site::A, &root.join("ref-a")), timeline(&project, Site::B, &root.join("ref-b")));
    // The faster of the two: the machine may be busier now than during the kills.
    let build = a.exited.min(b.exited);
    let writing = (a.bundled - a.staged).min(b.bundled - b.staged);
    let ending = (a.exited - a.bundled).min(b.exited - b.bundled).max(Duration::from_millis(20));

    let refs = [tree(&root.join("ref-a")), tree(&root.join("ref-b"))];
    let differing = refs[0].iter().filter(|(path, bytes)| refs[1].get(*path) != Some(bytes)).count();
    assert!(differing > 50, "sites A and B should differ in many files, not {differing}");
    let of = |site: Site| &refs[site as usize];
    project.build(Site::A, &out);
    assert!(tree(&out) == *of(Site::A));

    let atomic = exchange_works(root);
    let mut random = Random(0x5eed_f417);
    let mut outcomes = Outcomes::default();
    let mut most_strays = 0;
    let mut current = Site::A;
    let (limit, every) = (build * 10, Duration::from_micros(200));
    for kill in 0..KILLS {
        let target = current.other();
        let mut child = project.sitegen(target, &out, &[]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let dir = staging(&out, child.id());
        let delay = match kill % 4 {
            0 => build.mul_f64(1.1 * random.unit()),
            1 => {
                wait_until(&mut child, limit, every, || dir.exists());
                writing.mul_f64(random.unit())
            }
            2 => {
                wait_until(&mut child, limit, every, || dir.join("search/index.json").exists());
                ending.mul_f64(1.2 * random.unit())
            }
            _ => {
                let before = fs::metadata(&out).unwrap().ino();
                wait_until(&mut child, limit, every, || !fs::metadata(&out).is_ok_and(|m| m.ino() == before));
                Duration::from_secs_f64(0.005 * random.unit())
            }
        };
        sleep(delay);
        child.kill().unwrap(); // SIGKILL; nothing when the build has already exited
        let status = child.wait().unwrap(); // reaped, so recover() sees the process is gone
        assert!(status.success() || status.signal() == Some(9), "build {kill} ended with {status}");
        let killed = !status.success();

        if !out.exists() {
            // The kill landed between the fallback's two renames: the old site is set aside
            // whole and the new one staged. Only possible where the swap is not one exchange.
            // The next build's recover() renames the old site back before it stages (the unit
            // test in output.rs shows that step alone); here the next build must succeed and
            // leave a whole site and no leftovers.
            assert!(!atomic, "kill {kill}: the output folder is missing, though the swap is one exchange");
            let aside = out.with_file_name(format!(".out.sitegen-old-{}", child.id()));
            assert!(tree(&aside) == *of(current), "kill {kill}: the old site set aside is not whole");
            project.build(current, &out);
            assert!(tree(&out) == *of(current), "kill {kill}: the old site was not put back");
            outcomes.recovered += 1;
        } else {
            let now = tree(&out);
            if now == *of(current) {
                assert!(killed, "build {kill} succeeded but left the old site");
                outcomes.old += 1;
            } else if now == *of(target) {
                current = target;
                if killed { outcomes.new += 1 } else { outcomes.finished += 1 }
            } else {
                let from = |site: Site| now.iter().filter(|(path, bytes)| of(site).get(*path) != Some(bytes)).count();
                panic!(
                    "kill {kill}: the output is neither site: {} entries differ from {current:?}, {} from {target:?}",
                    from(current),
                    from(target)
                );
            }
        }
        // Each build removes the leftovers of dead builds before it stages, so at most the
        // killed build's own (staging and set-aside folder) are ever there.
        let left = strays(&out);
        assert!(left.len() <= 2, "kill {kill}: leftovers pile up: {left:?}");
        most_strays = most_strays.max(left.len());
    }
    let last = current.other();
    project.build(last, &out);
    assert!(tree(&out) == *of(last));
    assert_eq!(strays(&out), Vec::<String>::new(), "a successful build should remove every leftover");

    eprintln!(
        "{KILLS} builds of {:.2} s (search index to exit {:.3} s): {} killed before the swap (old site), {} killed after it (new site), \
         {} killed between the renames (recovered), {} finished first (new site); swap: {}; at most {most_strays} \
         leftover folder(s) after a kill",
        build.as_secs_f64(),
        ending.as_secs_f64(),
        outcomes.old,
        outcomes.new,
        outcomes.recovered,
        outcomes.finished,
        if atomic { "one exchange" } else { "two renames" },
    );
    assert!(outcomes.old > 0, "no kill landed before the swap: {outcomes:?}");
    assert!(outcomes.new + outcomes.recovered + outcomes.finished > 0, "no build reached the swap: {outcomes:?}");
}

/// Whether this process can create a file in `dir` (a probe file is made, then removed).
fn can_create_in(dir: &Path) -> bool {
    let probe = dir.join(".write-probe");
    let made = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    made
}

/// Capabilities that let root write whatever the permission bits say. Dropping them from the
/// bounding set before sitegen starts makes a root process honour a read-only mode like
/// anyone else (setpriv, util-linux; needs CAP_SETPCAP, which root in a container has too).
const WITHOUT_OVERRIDE: &[&str] = &["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"];

/// A folder made read-only for the builds of a test, by the first way that works for the
/// user running the tests; writable again when dropped, so the temporary folder can go.
struct ReadOnly {
    dir: PathBuf,
    /// The command sitegen must run under for the mode to hold (none when it holds anyway).
    wrapper: &'static [&'static str],
    immutable: bool,
    /// The system's reason the build must report.
    reason: &'static str,
}

impl ReadOnly {
    /// Mode 555; as root, a build without the capabilities that override it; failing that,
    /// the immutable attribute (`chattr +i`, root on ext4, XFS, Btrfs, tmpfs). An error says
    /// why none worked.
    fn make(dir: &Path) -> Result<ReadOnly, String> {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let mut lock = ReadOnly { dir: dir.to_path_buf(), wrapper: &[], immutable: false, reason: "Permission denied" };
        if !can_create_in(dir) {
            eprintln!("read-only by mode 555");
            return Ok(lock);
        }
        let probe = "touch \"$0\" 2>/dev/null && echo writable || echo read-only";
        let dropped = Command::new(WITHOUT_OVERRIDE[0])
            .args(&WITHOUT_OVERRIDE[1..])
            .args(["sh", "-c", probe])
            .arg(dir.join(".write-probe"))
            .output();
        let _ = fs::remove_file(dir.join(".write-probe"));
        if dropped.as_ref().is_ok_and(|run| String::from_utf8_lossy(&run.stdout).trim() == "read-only") {
            eprintln!("read-only by mode 555, sitegen run by root without CAP_DAC_OVERRIDE (setpriv)");
            lock.wrapper = WITHOUT_OVERRIDE;
            return Ok(lock);
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
        let chattr = Command::new("chattr").arg("+i").arg(dir).output();
        if chattr.as_ref().is_ok_and(|run| run.status.success()) {
            lock.immutable = true;
            lock.reason = "Operation not permitted";
            if !can_create_in(dir) {
                eprintln!("read-only by the immutable attribute (chattr +i)");
                return Ok(lock);
            }
        }
        Err(format!(
            "mode 555 does not stop this user (root), setpriv could not drop CAP_DAC_OVERRIDE ({}), and chattr +i \
             did not work ({})",
            dropped.map_or_else(|e| e.to_string(), |run| stderr(&run).trim().to_string()),
            chattr.map_or_else(|e| e.to_string(), |run| stderr(&run).trim().to_string()),
        ))
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        }
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
    }
}

/// The output's parent folder is read-only, so the staging folder cannot be made beside the
/// output: the build fails naming that folder and the system's reason, and the old site
/// stays as it was.
#[test]
fn a_read_only_output_location_fails_clearly() {
    let project = Project::new();
    let public = project.root().join("public");
    fs::create_dir(&public).unwrap();
    let out = public.join("site");
    project.build(Site::A, &out);
    let before = tree(&out);
    let lock = match ReadOnly::make(&public) {
        Ok(lock) => lock,
        Err(why) => {
            eprintln!("skipped: cannot make {} read-only: {why}", public.display());
            return;
        }
    };
    let run = project.sitegen(Site::B, &out, lock.wrapper).output().unwrap();
    let staging = format!("creating {}/.site.sitegen-new-", public.canonicalize().unwrap().display());
    assert_output_error(&run, &[&staging, lock.reason]);
    drop(lock);
    assert!(tree(&out) == before, "the old site changed");
    assert_eq!(strays(&out), Vec::<String>::new());
}

/// A read-only output folder is refused before anything is written (the swap could replace
/// it, but not empty the old one). As root, an immutable output folder passes that check, and
/// the swap itself fails: the staging folder must then be removed too.
#[test]
fn a_read_only_output_folder_fails_clearly() {
    let project = Project::new();
    let out = project.root().join("site");
    project.build(Site::A, &out);
    let before = tree(&out);

    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    let run = project.sitegen(Site::B, &out, &[]).output().unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
    assert_output_error(&run, &[&format!("refusing to replace {}: it is read-only", out.display())]);
    assert!(tree(&out) == before, "the old site changed");
    assert_eq!(strays(&out), Vec::<String>::new());

    let chattr = Command::new("chattr").arg("+i").arg(&out).output().unwrap();
    if !chattr.status.success() {
        eprintln!("skipped the immutable output folder: chattr +i failed: {}", stderr(&chattr).trim());
        return;
    }
    let run = project.sitegen(Site::B, &out, &[]).output().unwrap();
    Command::new("chattr").arg("-i").arg(&out).status().unwrap();
    assert_output_error(&run, &[&format!("replacing {}: Operation not permitted", out.display())]);
    assert!(tree(&out) == before, "the old site changed");
    assert_eq!(strays(&out), Vec::<String>::new(), "the staging folder should be removed");
}

/// A small tmpfs mounted for a test (root only), unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Result<Tmpfs, String> {
        let run = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| e.to_string())?;
        if run.status.success() { Ok(Tmpfs(dir.to_path_buf())) } else { Err(stderr(&run).trim().to_string()) }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(&self.0).status().is_ok_and(|s| s.success());
        if !unmounted {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Fills the filesystem holding `dir` until a write fails with ENOSPC, then frees `leave`
/// bytes: less than a site needs.
fn fill(dir: &Path, leave: u64) -> PathBuf {
    let path = dir.join("filler");
    let mut file = fs::File::create(&path).unwrap();
    let chunk = vec![0x55; 64 * 1024];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(error) if error.raw_os_error() == Some(28) => break,
            Err(error) => panic!("filling {}: {error}", path.display()),
        }
    }
    let len = file.metadata().unwrap().len();
    file.set_len(len.saturating_sub(leave)).unwrap();
    path
}

/// A full disk (ENOSPC) while the new site is written: the build fails naming the file and
/// the reason, removes its staging folder, and leaves the old site; once there is room again
/// the next build succeeds. Needs a tmpfs to fill, so root; otherwise skipped (the file size
/// limit test below shows the same path without privileges).
#[test]
fn a_full_disk_fails_clearly() {
    let project = Project::new();
    let disk = project.root().join("disk");
    fs::create_dir(&disk).unwrap();
    let _mounted = match Tmpfs::mount(&disk, "16m") {
        Ok(mounted) => mounted,
        Err(why) => {
            eprintln!("skipped: cannot mount a tmpfs to fill (needs root): {why}");
            return;
        }
    };
    eprintln!("full disk: a 16 MiB tmpfs, filled to 256 KiB free");
    let out = disk.join("site");
    project.build(Site::A, &out);
    let before = tree(&out);
    let filler = fill(&disk, 256 * 1024);

    let run = project.sitegen(Site::B, &out, &[]).output().unwrap();
    let staging = format!("{}/.site.sitegen-new-", disk.canonicalize().unwrap().display());
    assert_output_error(&run, &[&staging, "No space left on device (os error 28)"]);
    let first = stderr(&run).lines().next().unwrap_or_default().to_string();
    assert!(first.starts_with("error: output: writing ") || first.starts_with("error: output: creating "), "{first}");
    assert!(tree(&out) == before, "the old site changed");
    assert_eq!(strays(&out), Vec::<String>::new(), "the half-written staging folder should be removed");

    fs::remove_file(filler).unwrap();
    project.build(Site::B, &out);
    assert!(tree(&out) != before);
    assert_eq!(strays(&out), Vec::<String>::new());
}

/// A file over the process's file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so the write
/// fails with EFBIG instead of killing the build): the same path as a full disk, with no
/// privileges needed. The build fails naming the file and the reason, removes its staging
/// folder, and leaves the old site.
#[test]
fn a_file_over_the_size_limit_fails_clearly() {
    let project = Project::new();
    let out = project.root().join("site");
    project.build(Site::A, &out);
    let before = tree(&out);

    // 100 blocks (512 or 1024 bytes, by shell) is less than briefing.json alone.
    let limited = ["sh", "-c", "trap '' XFSZ; ulimit -f 100 && exec \"$@\"", "sh"];
    let run = project.sitegen(Site::B, &out, &limited).output().unwrap();
    let staging = format!("writing {}/.site.sitegen-new-", project.root().canonicalize().unwrap().display());
    assert_output_error(&run, &[&staging, "File too large (os error 27)"]);
    assert!(tree(&out) == before, "the old site changed");
    assert_eq!(strays(&out), Vec::<String>::new(), "the half-written staging folder should be removed");
}
