//! Real-looking user agents for the `UserAgent` benches, generated from a fixed seed.

/// `count` real-looking user agents, the same on every run: a fixed-seed mix of browsers
/// (Chrome, Firefox, Safari, Edge, Opera, Samsung, IE, in-app) on Windows, macOS, Linux,
/// Android, iOS and ChromeOS with varied versions (70 %), and bots, HTTP tools and apps.
pub(crate) fn agents(count: usize) -> Vec<String> {
    let mut random = Lcg(0x5eed);
    (0..count)
        .map(|_| {
            if random.below(10) < 7 {
                browser(&mut random)
            } else {
                other(&mut random)
            }
        })
        .collect()
}

/// A small linear congruential generator: enough variety, no dependency.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn system(r: &mut Lcg) -> String {
    match r.below(8) {
        0 => format!(
            "Windows NT {}; Win64; x64",
            r.pick(&["10.0", "6.1", "6.3", "6.2"])
        ),
        1 => format!(
            "Macintosh; Intel Mac OS X 10_{}_{}",
            r.range(9, 15),
            r.range(0, 7)
        ),
        2 => "X11; Linux x86_64".to_owned(),
        3 => "X11; Ubuntu; Linux x86_64".to_owned(),
        4 => format!(
            "Linux; Android {}; {}",
            r.range(5, 14),
            r.pick(&[
                "SM-G991B",
                "Pixel 7",
                "Nexus 5",
                "M2101K6G",
                "SM-A515F",
                "Redmi Note 8 Pro"
            ])
        ),
        5 => format!(
            "iPhone; CPU iPhone OS {}_{} like Mac OS X",
            r.range(10, 17),
            r.range(0, 6)
        ),
        6 => format!(
            "iPad; CPU OS {}_{} like Mac OS X",
            r.range(10, 17),
            r.range(0, 6)
        ),
        _ => format!(
            "X11; CrOS x86_64 {}.{}.0",
            r.range(13_000, 15_000),
            r.range(0, 200)
        ),
    }
}

fn browser(r: &mut Lcg) -> String {
    let os = system(r);
    let chrome = format!(
        "{}.0.{}.{}",
        r.range(60, 125),
        r.range(3000, 6500),
        r.range(0, 250)
    );
    match r.below(9) {
        0 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36"
        ),
        1 => {
            let version = r.range(60, 128);
            format!("Mozilla/5.0 ({os}; rv:{version}.0) Gecko/20100101 Firefox/{version}.0")
        }
        2 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{}.{} Safari/605.1.15",
            r.range(10, 17),
            r.range(0, 6)
        ),
        3 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 Edg/{}.0.{}.{}",
            r.range(80, 125),
            r.range(100, 2500),
            r.range(0, 99)
        ),
        4 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 OPR/{}.0.{}.{}",
            r.range(60, 110),
            r.range(1000, 5000),
            r.range(0, 99)
        ),
        5 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{}.0 Mobile/15E148 Safari/604.1",
            r.range(10, 17)
        ),
        6 => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{}.0 Chrome/{chrome} Mobile Safari/537.36",
            r.range(7, 24)
        ),
        7 => format!(
            "Mozilla/5.0 (compatible; MSIE {}.0; {os}; Trident/{}.0)",
            r.range(7, 10),
            r.range(4, 7)
        ),
        _ => format!(
            "Mozilla/5.0 ({os}) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/{}.0.0.{}.{}]",
            r.range(200, 450),
            r.range(10, 60),
            r.range(10, 200)
        ),
    }
}

fn other(r: &mut Lcg) -> String {
    match r.below(12) {
        0 => format!("curl/7.{}.{}", r.range(20, 88), r.range(0, 3)),
        1 => format!("Wget/1.{} (linux-gnu)", r.range(12, 21)),
        2 => format!("python-requests/2.{}.{}", r.range(10, 31), r.range(0, 3)),
        3 => "Go-http-client/1.1".to_owned(),
        4 => "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)".to_owned(),
        5 => "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)".to_owned(),
        6 => format!(
            "okhttp/{}.{}.{}",
            r.range(3, 4),
            r.range(0, 12),
            r.range(0, 9)
        ),
        7 => format!(
            "Apache-HttpClient/4.5.{} (Java/1.8.0_{})",
            r.range(1, 14),
            r.range(100, 392)
        ),
        8 => format!(
            "Dalvik/2.1.0 (Linux; U; Android {}; SM-G960F Build/QP1A.190711.020)",
            r.range(7, 13)
        ),
        9 => format!("kube-probe/1.{}", r.range(18, 30)),
        10 => format!("PostmanRuntime/7.{}.{}", r.range(26, 39), r.range(0, 9)),
        _ => "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)".to_owned(),
    }
}
