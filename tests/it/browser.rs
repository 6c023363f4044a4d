//! `vanban serve` in a real browser: headless Chromium driven through
//! WebDriver (Debian's `chromium` and `chromium-driver`; `.ci/run` installs
//! them). The clerk's round: open the seed plan, type into a khoản and see
//! the page change, break a key and see the mark at its line, complete a
//! key from the schema, save, download both files and read them back; and
//! what the server refuses to a browser.

use crate::serve::Server;
use crate::util::{self, Docx, PLAN};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

/// chromedriver on a free port; stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver, downloads: &Path, profile: &Path) -> Client {
    // The flags the machine notes give for a closed network: without them
    // Chromium keeps trying to reach Google's hosts.
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,900",
    ];
    let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": args,
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
            },
        }
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

/// Poll `script` (a function body returning a value) until `done` says so.
async fn wait_for(
    client: &Client,
    what: &str,
    script: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let started = Instant::now();
    loop {
        let value = client.execute(script, vec![]).await.unwrap();
        if done(&value) {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited 30 s for {what}; last: {value}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The options the completion list shows, with their details.
const COMPLETIONS: &str =
    "return [...document.querySelectorAll('.cm-tooltip-autocomplete li')].map(l => l.textContent);";

/// The words of every page the preview shows, one string.
const PAGE_TEXT: &str =
    "return [...document.querySelectorAll('#pages img')].map(i => i.alt).join(' ').replace(/\\s+/g, ' ');";

/// Put the editor's cursor at `at` (a JS expression over `text`, the
/// editor's content) and type `keys` there, through the keyboard.
async fn type_at(client: &Client, at: &str, keys: &str) {
    let place = format!(
        "const text = view.state.doc.toString(); const at = {at}; \
         if (at < 0) return false; view.dispatch({{selection: {{anchor: at}}}}); view.focus(); return true;"
    );
    assert_eq!(
        client.execute(&place, vec![]).await.unwrap(),
        json!(true),
        "{at}"
    );
    let editor = client.find(Locator::Css(".cm-content")).await.unwrap();
    editor.send_keys(keys).await.unwrap();
}

/// The text of the dialog the page opens (`confirm`), once it is open.
async fn wait_for_alert(client: &Client) -> String {
    let started = Instant::now();
    loop {
        if let Ok(text) = client.get_alert_text().await {
            return text;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "no dialog");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Type `typed` at the end of the text, wait until the completion list
/// has an option that `is` accepts, and take the typing back: the options
/// the list showed, with their details, as one string.
async fn offered(client: &Client, typed: &str, is: impl Fn(&str) -> bool) -> String {
    type_at(client, "text.length", typed).await;
    let options = wait_for(
        client,
        &format!("completions of `{typed}`"),
        COMPLETIONS,
        |v| {
            v.as_array()
                .is_some_and(|a| a.iter().any(|o| o.as_str().is_some_and(&is)))
        },
    )
    .await;
    delete_last(client, typed.chars().count()).await;
    options.to_string()
}

/// Take back the last `chars` characters typed.
async fn delete_last(client: &Client, chars: usize) {
    let script = format!(
        "const end = view.state.doc.length; \
         view.dispatch({{changes: {{from: end - {chars}, to: end}}}}); return true;"
    );
    client.execute(&script, vec![]).await.unwrap();
}

fn downloaded(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let started = Instant::now();
    while !path.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no download {name}: {:?}",
            std::fs::read_dir(dir).map(|d| d.count())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Chromium renames the finished file into place: it is whole.
    path
}

#[test]
fn a_clerk_edits_the_seed_plan_in_a_real_browser() {
    if !util::need("chromedriver", "browser tests of `vanban serve`")
        || !util::need(CHROMIUM, "browser tests")
    {
        return;
    }
    let server = Arc::new(Server::start());
    let driver = Driver::start();
    let scratch = tempfile::tempdir().unwrap();
    let downloads = scratch.path().join("downloads");
    std::fs::create_dir(&downloads).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let failed = runtime.block_on(async {
        let client = browser(&driver, &downloads, &scratch.path().join("profile")).await;
        // The round runs as a task so that a failed assertion still ends
        // the browser session: Chromium outlives chromedriver otherwise.
        let round = tokio::spawn({
            let (client, server) = (client.clone(), server.clone());
            async move { clerks_round(&client, &server, &downloads).await }
        });
        let result = round.await;
        client.close().await.unwrap();
        result.err()
    });
    if let Some(failure) = failed {
        std::panic::resume_unwind(failure.into_panic());
    }
}

async fn clerks_round(client: &Client, server: &Server, downloads: &Path) {
    client
        .goto(&format!("{}#path={PLAN}", server.url()))
        .await
        .unwrap();
    let pages = wait_for(
        client,
        "the seed's five pages",
        "return document.querySelectorAll('#pages img').length;",
        |v| v == 5,
    )
    .await;
    assert_eq!(pages, 5);
    let before = client.execute(PAGE_TEXT, vec![]).await.unwrap();
    assert!(before.as_str().unwrap().contains("KẾ HOẠCH"));
    assert!(!before.as_str().unwrap().contains("khẩn trương"));

    // Type into the third khoản of section I; the page shows it.
    let khoan = "Đẩy mạnh ứng dụng công nghệ số";
    type_at(
        client,
        &format!("text.indexOf('{khoan}') + 'Đẩy mạnh'.length"),
        " khẩn trương",
    )
    .await;
    wait_for(client, "the typed words on the page", PAGE_TEXT, |v| {
        v.as_str()
            .unwrap()
            .contains("Đẩy mạnh khẩn trương ứng dụng công nghệ số")
    })
    .await;
    let dirty = client.find(Locator::Id("dirty")).await.unwrap();
    assert!(
        dirty.is_displayed().await.unwrap(),
        "unsaved changes are shown"
    );

    // Save: the file on disk holds the change.
    client
        .find(Locator::Id("save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the save",
        "return document.getElementById('message').textContent;",
        |v| v.as_str().unwrap().starts_with("Đã lưu"),
    )
    .await;
    let on_disk = std::fs::read_to_string(server.case.plan()).unwrap();
    assert!(
        on_disk.contains("Đẩy mạnh khẩn trương ứng dụng công nghệ số"),
        "saved to disk"
    );
    assert!(!dirty.is_displayed().await.unwrap());

    // Another program changes the file: the next save is refused, and the
    // clerk may open the file as it is on disk.
    let theirs = format!("# sửa ở nơi khác\n{on_disk}");
    std::fs::write(server.case.plan(), &theirs).unwrap();
    type_at(client, "text.length", "# của tôi\n").await;
    client
        .find(Locator::Id("save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let asked = wait_for_alert(client).await;
    assert!(asked.contains("Tệp trên đĩa đã khác"), "{asked}");
    client.accept_alert().await.unwrap();
    let reopened = "return view.state.doc.toString();";
    wait_for(client, "the file as on disk", reopened, |v| {
        v == theirs.as_str()
    })
    .await;
    assert_eq!(
        std::fs::read_to_string(server.case.plan()).unwrap(),
        theirs,
        "not overwritten"
    );

    // Download both files and read them back.
    client
        .find(Locator::Id("docx"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let docx = downloaded(downloads, "ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let paragraphs = Docx::new(std::fs::read(&docx).unwrap()).paragraphs();
    assert!(
        paragraphs.iter().any(|p| p
            .text
            .contains("Đẩy mạnh khẩn trương ứng dụng công nghệ số")),
        "the DOCX holds the edit"
    );
    client
        .find(Locator::Id("pdf"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let pdf = downloaded(downloads, "ke-hoach-binh-dang-gioi-bat-trang-2026.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    if util::need("pdftotext", "reading the downloaded PDF") {
        assert!(util::norm(&util::pdf_text(&pdf))
            .contains("Đẩy mạnh khẩn trương ứng dụng công nghệ số"));
    }

    // Typing into the closing sentence, on the last page, brings that page
    // into view; the first page was in view before.
    let in_view = "const pane = document.getElementById('pages').getBoundingClientRect(); \
        return [...document.querySelectorAll('#pages figure')].map(f => { \
          const b = f.getBoundingClientRect(); return b.bottom > pane.top && b.top < pane.bottom; });";
    let before = client.execute(in_view, vec![]).await.unwrap();
    assert_eq!(
        before,
        json!([true, false, false, false, false]),
        "page 1 in view"
    );
    let at = "text.indexOf('nghiêm túc triển khai, thực hiện') + 10";
    type_at(client, at, " và khẩn trương").await;
    let holding = "return [...document.querySelectorAll('#pages img')] \
        .findIndex(i => i.alt.replace(/\\s+/g, ' ').includes('nghiêm túc và khẩn trương'));";
    let page = wait_for(client, "the closing edited", holding, |v| {
        v.as_i64() > Some(0)
    })
    .await;
    let page = page.as_u64().unwrap() as usize;
    let shown = wait_for(client, "the edited page in view", in_view, |v| {
        v[page] == true
    })
    .await;
    assert_eq!(
        shown[0],
        false,
        "scrolled from page 1 to page {}: {shown}",
        page + 1
    );

    // Completion of a key from the schema, at the top level …
    offered(client, "trich", |o| o == "trich_yeu").await;
    // … of a value from its list: the kinds of document …
    offered(client, "loai: quyet", |o| o == "quyet_dinh").await;
    // … of a placeholder, with what it prints: the registry's laws …
    let law = offered(client, "ket_luan: theo {vb:luat", |o| {
        o.starts_with("vb:luat-binh-dang-gioi")
    })
    .await;
    assert!(law.contains("Luật Bình đẳng giới số 73/2006/QH11"), "{law}");
    // … and of the profile's department codes, in a list.
    let department = offered(client, "luu: [VP, VH", |o| o.starts_with("VHXH")).await;
    assert!(
        department.contains("Phòng Văn hóa - Xã hội"),
        "{department}"
    );
    // An unknown key instead: an error marked at its line.
    type_at(client, "text.length", "khoa_la: 1").await;
    let line = client
        .execute("return view.state.doc.lines;", vec![])
        .await
        .unwrap();
    let marked = wait_for(
        client,
        "the error at the new line",
        "return [...document.querySelectorAll('#findings li.error')].filter(l => l.textContent.includes('khoa_la')).map(l => Number(l.dataset.line));",
        |v| v.as_array().is_some_and(|a| !a.is_empty()),
    )
    .await;
    assert_eq!(marked, json!([line]), "the finding names the line typed");
    let in_editor = client
        .execute("return document.querySelectorAll('.cm-lintRange-error, .cm-lint-marker-error').length;", vec![])
        .await
        .unwrap();
    assert!(
        in_editor.as_u64().unwrap() > 0,
        "marked in the editor and its gutter"
    );
    let stale = client.execute("return document.querySelector('.preview-pane').classList.contains('stale') && document.querySelectorAll('#pages img').length;", vec![]).await.unwrap();
    assert_eq!(stale, 5, "the last good pages stay, marked as such");

    // What the server refuses to a browser too.
    let no_token = page_text(client, &format!("http://127.0.0.1:{}/", server.port)).await;
    assert!(no_token.contains("mã truy cập"), "no token: {no_token}");
    let with_token = |host: &str, target: &str| {
        format!(
            "http://{host}:{}{target}token={}",
            server.port, server.token
        )
    };
    let out = page_text(
        client,
        &with_token("127.0.0.1", "/api/file?path=../../etc/passwd&"),
    )
    .await;
    assert!(
        out.contains("không nằm trong thư mục") && !out.contains("root:"),
        "../: {out}"
    );
    // `localhost.` reaches this server with a Host header it does not know.
    let foreign = page_text(client, &with_token("localhost.", "/?")).await;
    assert!(
        foreign.contains("Host header refused"),
        "a foreign Host: {foreign}"
    );
}

/// The text of the page at `url`.
async fn page_text(client: &Client, url: &str) -> String {
    client.goto(url).await.unwrap();
    let body = client.find(Locator::Css("body")).await.unwrap();
    body.text().await.unwrap()
}
