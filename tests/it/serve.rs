//! `vanban serve` over plain HTTP: what it refuses (token, Host, paths out
//! of the folder, oversized bodies), what it never does (overwrite a file
//! changed on disk, crash on bad input), and that what it answers is what
//! the command line makes. The same page driven in a real browser:
//! `browser.rs`.

use crate::util::{Case, PLAN};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A `vanban serve` running on a case folder; stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub token: String,
    pub case: Case,
}

impl Server {
    pub fn start() -> Server {
        Server::on(Case::new())
    }

    pub fn on(case: Case) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .arg("serve")
            .arg(case.path(""))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let address = BufReader::new(stdout)
            .lines()
            .map(Result::unwrap)
            .find(|l| l.starts_with("http://"))
            .expect("serve prints its address");
        let rest = address.strip_prefix("http://127.0.0.1:").unwrap();
        let (port, token) = rest.split_once("/?token=").unwrap();
        Server {
            child,
            port: port.parse().unwrap(),
            token: token.to_string(),
            case,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?token={}", self.port, self.token)
    }

    /// One request, as raw as a client may send it; `host` None means
    /// this server's own name.
    pub fn raw(
        &self,
        method: &str,
        target: &str,
        host: Option<&str>,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let own = format!("127.0.0.1:{}", self.port);
        let mut head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            host.unwrap_or(&own),
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // A refused body may be cut short by the server: that is an answer.
        let _ = stream.write_all(body);
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        Reply::parse(&bytes)
    }

    /// A request with the token.
    pub fn get(&self, target: &str) -> Reply {
        self.raw("GET", target, None, &[("x-vanban-token", &self.token)], b"")
    }

    pub fn post(&self, target: &str, json: &serde_json::Value) -> Reply {
        let body = serde_json::to_vec(json).unwrap();
        self.raw(
            "POST",
            target,
            None,
            &[
                ("x-vanban-token", &self.token),
                ("content-type", "application/json"),
            ],
            &body,
        )
    }

    /// The server still answers.
    pub fn alive(&self) -> bool {
        self.get("/api/files").status == 200
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no HTTP answer: {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..split]);
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = bytes[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = unchunk(&body);
        }
        Reply { status, body }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 4 + size..];
    }
}

fn plan_text(server: &Server) -> String {
    std::fs::read_to_string(server.case.plan()).unwrap()
}

#[test]
fn every_request_needs_the_token_and_this_servers_name() {
    let server = Server::start();
    let plain = |target: &str, headers: &[(&str, &str)]| {
        server.raw("GET", target, None, headers, b"").status
    };
    assert_eq!(plain("/", &[]), 403, "the page without the token");
    assert_eq!(plain("/api/files", &[]), 403);
    assert_eq!(plain("/assets/app.js", &[]), 403);
    assert_eq!(
        plain("/api/files", &[("x-vanban-token", "0123")]),
        403,
        "a wrong token"
    );
    let wrong = format!("/?token={}", "f".repeat(32));
    assert_eq!(plain(&wrong, &[]), 403);
    assert_eq!(plain(&format!("/?token={}", server.token), &[]), 200);
    assert_eq!(
        plain(&format!("/assets/app.js?token={}", server.token), &[]),
        200
    );
    // DNS rebinding: a page of evil.example re-pointed at 127.0.0.1 sends
    // its own name, with whatever token it may have guessed.
    let foreign = format!("evil.example:{}", server.port);
    let token = [("x-vanban-token", server.token.as_str())];
    for host in [foreign.as_str(), "127.0.0.1", "localhost:1"] {
        let reply = server.raw("GET", "/api/files", Some(host), &token, b"");
        assert_eq!(reply.status, 421, "Host {host}");
        assert!(reply.text().contains("Host"), "{}", reply.text());
    }
    let own = format!("localhost:{}", server.port);
    assert_eq!(
        server
            .raw("GET", "/api/files", Some(&own), &token, b"")
            .status,
        200
    );
    // The page names the token for its own requests and nothing else.
    let page = server.get("/").text();
    assert!(page.contains(&format!("content=\"{}\"", server.token)));
    assert!(!page.contains("{{token}}"));
}

#[test]
fn listens_on_loopback_only() {
    let server = Server::start();
    let ours = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|_| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_loopback());
    let Some(ip) = ours else {
        eprintln!("SKIPPED: this machine has no address but loopback");
        return;
    };
    assert!(
        TcpStream::connect((ip, server.port)).is_err(),
        "{ip}:{} must not answer",
        server.port
    );
}

#[test]
fn paths_stay_inside_the_folder() {
    let server = Server::start();
    std::os::unix::fs::symlink("/etc", server.case.path("etc")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", server.case.path("hostname.yaml")).unwrap();
    for path in [
        "../ke-hoach.yaml",
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "don-vi%2F..%2F..%2Fx.yaml",
        "etc%2Fpasswd",
        "hostname.yaml",
        "",
    ] {
        let reply = server.get(&format!("/api/file?path={path}"));
        assert_eq!(reply.status, 403, "{path}: {}", reply.text());
        assert!(!reply.text().contains("root:"), "{path}");
    }
    let save = server.post(
        "/api/save",
        &serde_json::json!({"path": "../escaped.yaml", "text": "x", "version": ""}),
    );
    assert_eq!(save.status, 403);
    assert!(!server.case.path("../escaped.yaml").exists());
    let preview = server.post(
        "/api/preview",
        &serde_json::json!({"path": "/etc/passwd", "text": "loai: ke_hoach"}),
    );
    assert_eq!(preview.status, 403);
    let listed = server.get("/api/files").json();
    let names: Vec<&str> = listed["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&PLAN) && names.contains(&"don-vi/bat-trang.yaml"),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("etc") || n.starts_with("hostname")),
        "{names:?}"
    );
}

#[test]
fn bodies_are_bounded_and_bad_input_is_answered() {
    let server = Server::start();
    let token = [
        ("x-vanban-token", server.token.as_str()),
        ("content-type", "application/json"),
    ];
    let huge = vec![b' '; 9 << 20];
    let reply = server.raw("POST", "/api/preview", None, &token, &huge);
    assert_eq!(reply.status, 413, "a body over the input limit");
    for body in [&b"{"[..], b"null", b"\xff\xfe", br#"{"path": 5}"#] {
        let reply = server.raw("POST", "/api/preview", None, &token, body);
        assert!(
            (400..500).contains(&reply.status),
            "{body:?}: {}",
            reply.status
        );
    }
    let nested = format!(
        "loai: ke_hoach\nnoi_dung: {}{}",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    for text in [
        "\t\tloai: :",
        "loai: ke_hoach\n",
        "{{ 7*7 }}\n<w:p/>",
        "ten_co_quan: [",
        nested.as_str(),
    ] {
        let reply = server.post(
            "/api/preview",
            &serde_json::json!({"path": PLAN, "text": text}),
        );
        assert_eq!(reply.status, 200, "{text:.40}: {}", reply.text());
        let answer = reply.json();
        assert!(answer["pages"].is_null(), "{text:.40}");
        assert!(
            answer["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["severity"] == "error"),
            "{text:.40}: {answer}"
        );
    }
    assert!(server.alive());
}

#[test]
fn the_preview_marks_findings_where_they_are_and_sends_only_changed_pages() {
    let server = Server::start();
    let text = plan_text(&server);
    let first = server
        .post(
            "/api/preview",
            &serde_json::json!({"path": PLAN, "text": text}),
        )
        .json();
    let pages = first["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 5, "the seed plan's five pages");
    assert!(pages
        .iter()
        .all(|p| p["svg"].as_str().unwrap().starts_with("<svg")));
    assert!(pages[0]["text"].as_str().unwrap().contains("KẾ HOẠCH"));
    assert!(first["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] != "error"));

    // A word added near the end: the pages before it are named as before
    // and not sent again.
    let ids: Vec<&str> = pages.iter().map(|p| p["id"].as_str().unwrap()).collect();
    let edited = text.replacen("triển khai, thực hiện\n", "triển khai, thực hiện ngay\n", 1);
    assert!(edited != text, "the seed's closing sentence");
    let second = server
        .post(
            "/api/preview",
            &serde_json::json!({"path": PLAN, "text": edited, "have": ids}),
        )
        .json();
    let pages = second["pages"].as_array().unwrap();
    let sent: Vec<usize> = (0..pages.len())
        .filter(|&i| !pages[i]["svg"].is_null())
        .collect();
    let changed = pages
        .iter()
        .position(|p| p["text"].as_str().unwrap().contains("thực hiện ngay"))
        .unwrap();
    assert!(sent.contains(&changed), "{sent:?} {changed}");
    assert!(
        sent.len() < pages.len() && sent[0] > 0,
        "unchanged pages are not sent again: {sent:?}"
    );

    // An unknown key: an error at its line and column; no pages, so the
    // page keeps the last good ones.
    let line = text.lines().count() + 1;
    let broken = format!("{text}khoa_la: 1\n");
    let third = server
        .post(
            "/api/preview",
            &serde_json::json!({"path": PLAN, "text": broken}),
        )
        .json();
    assert!(third["pages"].is_null());
    let finding = &third["findings"][0];
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(line as u64), Some(1)),
        "{third}"
    );
    assert!(
        finding["message"].as_str().unwrap().contains("khoa_la")
            || finding["message"].as_str().unwrap().contains("unknown")
    );
    // A check of the decree, located in the unsaved text, not on disk.
    let wrong_year = text.replacen("nam: 2026", "\n\nnam: 2026", 1).replacen(
        "ngay: null",
        "ngay: 2025-03-01",
        1,
    );
    let fourth = server
        .post(
            "/api/preview",
            &serde_json::json!({"path": PLAN, "text": wrong_year}),
        )
        .json();
    let at = fourth["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ND30-PL1-II.4")
        .expect("the date check");
    let want = wrong_year
        .lines()
        .position(|l| l.starts_with("ngay:"))
        .unwrap()
        + 1;
    assert_eq!(at["line"].as_u64(), Some(want as u64), "{at}");
}

#[test]
fn suggestions_come_from_the_documents_profile_and_registry() {
    let server = Server::start();
    let found = server.get(&format!("/api/suggestions?path={PLAN}")).json();
    let means = |list: &serde_json::Value, value: &str| {
        let found = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["value"] == value);
        found.map(|p| p["means"].as_str().unwrap().to_string())
    };
    let placeholders = &found["placeholders"];
    assert_eq!(means(placeholders, "nam").as_deref(), Some("2026"));
    assert_eq!(
        means(placeholders, "dia_phuong").as_deref(),
        Some("xã Bát Tràng")
    );
    let law = means(placeholders, "vb:luat-binh-dang-gioi").expect("the registry's laws");
    assert!(
        law.starts_with("Luật Bình đẳng giới số 73/2006/QH11"),
        "{law}"
    );
    let department = means(&found["values"]["phong_ban"], "VHXH").expect("the departments");
    assert_eq!(department, "Phòng Văn hóa - Xã hội");
    assert_eq!(found["values"]["luu"], found["values"]["phong_ban"]);
    assert!(
        means(&found["values"]["ho_ten"], "Dương Đăng Hòa").is_some(),
        "the signers"
    );
    let profile = server
        .get("/api/suggestions?path=don-vi/bat-trang.yaml")
        .json();
    assert_eq!(
        profile["placeholders"],
        serde_json::json!([]),
        "a profile has none of its own"
    );
    assert_eq!(server.get("/api/suggestions?path=../x.yaml").status, 403);
}

#[test]
fn a_save_is_atomic_and_refuses_a_file_changed_on_disk() {
    let server = Server::start();
    let opened = server.get(&format!("/api/file?path={PLAN}")).json();
    let text = opened["text"]
        .as_str()
        .unwrap()
        .replace("nam: 2026", "nam: 2026 # sửa");
    let saved = server.post(
        "/api/save",
        &serde_json::json!({"path": PLAN, "text": text, "version": opened["version"]}),
    );
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(plan_text(&server), text);
    // Someone else edits the file; the editor's save must not undo that.
    let theirs = text.replace("# sửa", "# của người khác");
    std::fs::write(server.case.plan(), &theirs).unwrap();
    let refused = server.post(
        "/api/save",
        &serde_json::json!({"path": PLAN, "text": text, "version": saved.json()["version"]}),
    );
    assert_eq!(refused.status, 409);
    assert!(refused.json()["message"]
        .as_str()
        .unwrap()
        .contains("đã được sửa ở nơi khác"));
    assert_eq!(plan_text(&server), theirs);
    let leftovers: Vec<_> = server
        .case
        .files("")
        .into_iter()
        .filter(|n| n.starts_with(".vanban"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn downloads_are_the_bytes_render_writes_and_refuse_what_render_refuses() {
    let server = Server::start();
    let text = plan_text(&server);
    server.case.vanban_ok(&["render", PLAN, "-o", "out"]);
    let stem = PLAN.trim_end_matches(".yaml");
    for format in ["docx", "pdf"] {
        let reply = server.post(
            &format!("/api/download/{format}"),
            &serde_json::json!({"path": PLAN, "text": text}),
        );
        assert_eq!(reply.status, 200, "{format}: {}", reply.text());
        let written = std::fs::read(server.case.path(&format!("out/{stem}.{format}"))).unwrap();
        assert!(
            reply.body == written,
            "{format}: the same bytes as `vanban render`"
        );
    }
    let wrong = text.replacen("ngay: null", "ngay: 2025-03-01", 1);
    let refused = server.post(
        "/api/download/pdf",
        &serde_json::json!({"path": PLAN, "text": wrong}),
    );
    assert_eq!(refused.status, 422);
    let findings = refused.json()["findings"].as_array().unwrap().clone();
    assert!(
        findings.iter().any(|f| f["rule"] == "ND30-PL1-II.4"),
        "{findings:?}"
    );
}

#[test]
fn drafting_actions_write_beside_the_plan_and_never_overwrite() {
    let server = Server::start();
    for (action, made) in [
        ("next-year", "ke-hoach-binh-dang-gioi-bat-trang-2027.yaml"),
        (
            "report",
            "bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
        ),
    ] {
        let _ = std::fs::remove_file(server.case.path(made));
        let reply = server.post(
            &format!("/api/{action}"),
            &serde_json::json!({"path": PLAN}),
        );
        assert_eq!(reply.status, 200, "{action}: {}", reply.text());
        assert_eq!(reply.json()["files"][0], made);
        let written = server.case.path(made);
        vanban::input::load(&written, None).unwrap_or_else(|d| panic!("{action}: {d}"));
        let again = server.post(
            &format!("/api/{action}"),
            &serde_json::json!({"path": PLAN}),
        );
        assert_eq!(again.status, 409, "{action}: an existing file is kept");
    }
    let profile = server.post(
        "/api/report",
        &serde_json::json!({"path": "don-vi/bat-trang.yaml"}),
    );
    assert_eq!(profile.status, 422, "{}", profile.text());
}

#[test]
fn a_word_file_imports_into_the_folder() {
    let server = Server::start();
    let (_dir, docx, _) = crate::util::render_file(
        "tests/fixtures/examples/06-cv-o-nhiem-khong-khi-sgddt-hanoi.yaml",
    );
    let bytes = std::fs::read(&docx).unwrap();
    let token = [("x-vanban-token", server.token.as_str())];
    let reply = server.raw(
        "POST",
        "/api/import?name=cong-van-2025.docx",
        None,
        &token,
        &bytes,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let created = reply.json();
    assert_eq!(created["files"][0], "cong-van-2025.yaml");
    assert!(server.case.path("cong-van-2025.don-vi.yaml").exists());
    vanban::input::load(&server.case.path("cong-van-2025.yaml"), None).unwrap();
    let again = server.raw(
        "POST",
        "/api/import?name=cong-van-2025.docx",
        None,
        &token,
        &bytes,
    );
    assert_eq!(again.status, 409);
    let named_out = server.raw(
        "POST",
        "/api/import?name=..%2F..%2Fx.docx",
        None,
        &token,
        &bytes,
    );
    assert_ne!(named_out.status, 500);
    assert!(!server.case.path("../x.yaml").exists());
    let bomb = server.raw(
        "POST",
        "/api/import?name=x.docx",
        None,
        &token,
        b"PK\x03\x04 not a zip",
    );
    assert_eq!(bomb.status, 422, "{}", bomb.text());
    assert!(server.alive());
}
