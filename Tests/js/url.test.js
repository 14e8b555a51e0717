// URL and URLSearchParams (WHATWG URL Standard). The parsing and setter tables were checked
// against a conforming implementation; each row is [input, base, href, origin, protocol,
// username, password, host, hostname, port, pathname, search, hash] or [input, base, null]
// for a failure.
import { assert, assertEquals, assertThrows, test } from "./harness.js";

const parseCases = 
[["http://example.com",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["HTTP://EXAMPLE.COM/A/B?Q#F",null,"http://example.com/A/B?Q#F","http://example.com","http:","","","example.com","example.com","","/A/B","?Q","#F"],
  ["https://user:pass@host:8080/p?q=1#frag",null,"https://user:pass@host:8080/p?q=1#frag","https://host:8080","https:","user","pass","host:8080","host","8080","/p","?q=1","#frag"],
  ["http://example.com:80/",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["https://example.com:443/x",null,"https://example.com/x","https://example.com","https:","","","example.com","example.com","","/x","",""],
  ["ws://example.com:80/",null,"ws://example.com/","ws://example.com","ws:","","","example.com","example.com","","/","",""],
  ["wss://h:443",null,"wss://h/","wss://h","wss:","","","h","h","","/","",""],
  ["ftp://h:21/f",null,"ftp://h/f","ftp://h","ftp:","","","h","h","","/f","",""],
  ["http://example.com:0081/",null,"http://example.com:81/","http://example.com:81","http:","","","example.com:81","example.com","81","/","",""],
  ["http://h:65535",null,"http://h:65535/","http://h:65535","http:","","","h:65535","h","65535","/","",""],
  ["http://h:65536",null,null],
  ["http://h:8a",null,null],
  ["http://example.com/a/./b/../c",null,"http://example.com/a/c","http://example.com","http:","","","example.com","example.com","","/a/c","",""],
  ["http://example.com/a/%2e/b/%2E%2e/c",null,"http://example.com/a/c","http://example.com","http:","","","example.com","example.com","","/a/c","",""],
  ["http://example.com/..",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["http://example.com/a b?c d#e f",null,"http://example.com/a%20b?c%20d#e%20f","http://example.com","http:","","","example.com","example.com","","/a%20b","?c%20d","#e%20f"],
  ["http://example.com/\"<>`{}",null,"http://example.com/%22%3C%3E%60%7B%7D","http://example.com","http:","","","example.com","example.com","","/%22%3C%3E%60%7B%7D","",""],
  ["http://example.com/?'\"",null,"http://example.com/?%27%22","http://example.com","http:","","","example.com","example.com","","/","?%27%22",""],
  ["foo://example.com/?'\"",null,"foo://example.com/?'%22","null","foo:","","","example.com","example.com","","/","?'%22",""],
  ["http://example.com/#\"<>` ",null,"http://example.com/#%22%3C%3E%60","http://example.com","http:","","","example.com","example.com","","/","","#%22%3C%3E%60"],
  ["http:\\\\example.com\\a\\b",null,"http://example.com/a/b","http://example.com","http:","","","example.com","example.com","","/a/b","",""],
  ["http:example.com/x",null,"http://example.com/x","http://example.com","http:","","","example.com","example.com","","/x","",""],
  ["  http://example.com/  ",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["http://exa\tmple.com/a\nb",null,"http://example.com/ab","http://example.com","http:","","","example.com","example.com","","/ab","",""],
  ["http://192.168.0.1/",null,"http://192.168.0.1/","http://192.168.0.1","http:","","","192.168.0.1","192.168.0.1","","/","",""],
  ["http://0xc0.0250.0.1/",null,"http://192.168.0.1/","http://192.168.0.1","http:","","","192.168.0.1","192.168.0.1","","/","",""],
  ["http://3232235521/",null,"http://192.168.0.1/","http://192.168.0.1","http:","","","192.168.0.1","192.168.0.1","","/","",""],
  ["http://192.168.1/",null,"http://192.168.0.1/","http://192.168.0.1","http:","","","192.168.0.1","192.168.0.1","","/","",""],
  ["http://0x7f.1/",null,"http://127.0.0.1/","http://127.0.0.1","http:","","","127.0.0.1","127.0.0.1","","/","",""],
  ["http://1.2.3.4.5/",null,null],
  ["http://256.0.0.1/",null,null],
  ["http://1.2.3.256/",null,null],
  ["http://4294967295",null,"http://255.255.255.255/","http://255.255.255.255","http:","","","255.255.255.255","255.255.255.255","","/","",""],
  ["http://4294967296",null,null],
  ["http://1.2.3.09",null,null],
  ["http://foo.0x",null,null],
  ["http://foo.09",null,null],
  ["http://[::1]/",null,"http://[::1]/","http://[::1]","http:","","","[::1]","[::1]","","/","",""],
  ["http://[0:0:0:0:0:0:0:1]",null,"http://[::1]/","http://[::1]","http:","","","[::1]","[::1]","","/","",""],
  ["http://[2001:db8::1:0:0:1]",null,"http://[2001:db8::1:0:0:1]/","http://[2001:db8::1:0:0:1]","http:","","","[2001:db8::1:0:0:1]","[2001:db8::1:0:0:1]","","/","",""],
  ["http://[2001:0db8:0000:0000:0000:ff00:0042:8329]",null,"http://[2001:db8::ff00:42:8329]/","http://[2001:db8::ff00:42:8329]","http:","","","[2001:db8::ff00:42:8329]","[2001:db8::ff00:42:8329]","","/","",""],
  ["http://[::ffff:192.168.0.1]",null,"http://[::ffff:c0a8:1]/","http://[::ffff:c0a8:1]","http:","","","[::ffff:c0a8:1]","[::ffff:c0a8:1]","","/","",""],
  ["http://[1:0:0:2::3:0]",null,"http://[1::2:0:0:3:0]/","http://[1::2:0:0:3:0]","http:","","","[1::2:0:0:3:0]","[1::2:0:0:3:0]","","/","",""],
  ["http://[::]",null,"http://[::]/","http://[::]","http:","","","[::]","[::]","","/","",""],
  ["http://[1::2::3]",null,null],
  ["http://[1:2:3:4:5:6:7:8:9]",null,null],
  ["http://[::1",null,null],
  ["http://[:1]",null,null],
  ["http://[1:2:3:4:5:6:7::]",null,"http://[1:2:3:4:5:6:7:0]/","http://[1:2:3:4:5:6:7:0]","http:","","","[1:2:3:4:5:6:7:0]","[1:2:3:4:5:6:7:0]","","/","",""],
  ["http://[::127.0.0.1.1]",null,null],
  ["http://ex%41mple.com/",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["http://ex ample.com/",null,null],
  ["http://exa<mple.com",null,null],
  ["http://ex%00ample.com",null,null],
  ["http://ExAmPle.CoM.",null,"http://example.com./","http://example.com.","http:","","","example.com.","example.com.","","/","",""],
  ["http://münchen.de/",null,"http://xn--mnchen-3ya.de/","http://xn--mnchen-3ya.de","http:","","","xn--mnchen-3ya.de","xn--mnchen-3ya.de","","/","",""],
  ["http://xn--mnchen-3ya.de/",null,"http://xn--mnchen-3ya.de/","http://xn--mnchen-3ya.de","http:","","","xn--mnchen-3ya.de","xn--mnchen-3ya.de","","/","",""],
  ["http://例え.テスト/",null,"http://xn--r8jz45g.xn--zckzah/","http://xn--r8jz45g.xn--zckzah","http:","","","xn--r8jz45g.xn--zckzah","xn--r8jz45g.xn--zckzah","","/","",""],
  ["http://user@/",null,null],
  ["http://@host/",null,"http://host/","http://host","http:","","","host","host","","/","",""],
  ["http://a:b@c:d@host/",null,"http://a:b%40c%3Ad@host/","http://host","http:","a","b%40c%3Ad","host","host","","/","",""],
  ["http://user:p@ss@host/",null,"http://user:p%40ss@host/","http://host","http:","user","p%40ss","host","host","","/","",""],
  ["http://us er:pa ss@host/",null,"http://us%20er:pa%20ss@host/","http://host","http:","us%20er","pa%20ss","host","host","","/","",""],
  ["http:///example.com/",null,"http://example.com/","http://example.com","http:","","","example.com","example.com","","/","",""],
  ["https:/example.com",null,"https://example.com/","https://example.com","https:","","","example.com","example.com","","/","",""],
  ["http:",null,null],
  ["http://",null,null],
  ["file:///C:/Windows/",null,"file:///C:/Windows/","null","file:","","","","","","/C:/Windows/","",""],
  ["file://localhost/etc/passwd",null,"file:///etc/passwd","null","file:","","","","","","/etc/passwd","",""],
  ["file://host/share/f",null,"file://host/share/f","null","file:","","","host","host","","/share/f","",""],
  ["file:/etc",null,"file:///etc","null","file:","","","","","","/etc","",""],
  ["file:c:\\foo\\bar",null,"file:///c:/foo/bar","null","file:","","","","","","/c:/foo/bar","",""],
  ["file:///a/../../b",null,"file:///b","null","file:","","","","","","/b","",""],
  ["file://C|/x",null,"file:///C:/x","null","file:","","","","","","/C:/x","",""],
  ["file:///C:/../..",null,"file:///C:/","null","file:","","","","","","/C:/","",""],
  ["mailto:user@example.com",null,"mailto:user@example.com","null","mailto:","","","","","","user@example.com","",""],
  ["javascript:alert(1) ",null,"javascript:alert(1)","null","javascript:","","","","","","alert(1)","",""],
  ["data:text/plain,hello world",null,"data:text/plain,hello world","null","data:","","","","","","text/plain,hello world","",""],
  ["urn:isbn:0451450523",null,"urn:isbn:0451450523","null","urn:","","","","","","isbn:0451450523","",""],
  ["foo://host/path",null,"foo://host/path","null","foo:","","","host","host","","/path","",""],
  ["foo:/path",null,"foo:/path","null","foo:","","","","","","/path","",""],
  ["foo://",null,"foo://","null","foo:","","","","","","","",""],
  ["foo:///x",null,"foo:///x","null","foo:","","","","","","/x","",""],
  ["foo://host:123/",null,"foo://host:123/","null","foo:","","","host:123","host","123","/","",""],
  ["foo://[::1]:1/",null,"foo://[::1]:1/","null","foo:","","","[::1]:1","[::1]","1","/","",""],
  ["foo://ho st/",null,null],
  ["foo://h%20st/",null,"foo://h%20st/","null","foo:","","","h%20st","h%20st","","/","",""],
  ["foo://EXAMPLE.com/",null,"foo://EXAMPLE.com/","null","foo:","","","EXAMPLE.com","EXAMPLE.com","","/","",""],
  ["foo:///a//b/./c/../",null,"foo:///a//b/","null","foo:","","","","","","/a//b/","",""],
  ["sc:\\../",null,"sc:\\../","null","sc:","","","","","","\\../","",""],
  ["sc://ñ.test/",null,"sc://%C3%B1.test/","null","sc:","","","%C3%B1.test","%C3%B1.test","","/","",""],
  ["non-special://a b/",null,null],
  ["blob:https://example.com/uuid",null,"blob:https://example.com/uuid","https://example.com","blob:","","","","","","https://example.com/uuid","",""],
  ["blob:foo",null,"blob:foo","null","blob:","","","","","","foo","",""],
  ["about:blank",null,"about:blank","null","about:","","","","","","blank","",""],
  ["http://h/?a=1&b=%zz&c=é",null,"http://h/?a=1&b=%zz&c=%C3%A9","http://h","http:","","","h","h","","/","?a=1&b=%zz&c=%C3%A9",""],
  ["http://h/p?q#f#g",null,"http://h/p?q#f#g","http://h","http:","","","h","h","","/p","?q","#f#g"],
  ["http://h/é/%C3%A9",null,"http://h/%C3%A9/%C3%A9","http://h","http:","","","h","h","","/%C3%A9/%C3%A9","",""],
  ["a","http://example.com/b/c","http://example.com/b/a","http://example.com","http:","","","example.com","example.com","","/b/a","",""],
  ["../d","http://example.com/b/c/e","http://example.com/b/d","http://example.com","http:","","","example.com","example.com","","/b/d","",""],
  ["/x","http://example.com/b/c","http://example.com/x","http://example.com","http:","","","example.com","example.com","","/x","",""],
  ["//other.org/p","https://example.com/","https://other.org/p","https://other.org","https:","","","other.org","other.org","","/p","",""],
  ["?q","http://example.com/a?b#c","http://example.com/a?q","http://example.com","http:","","","example.com","example.com","","/a","?q",""],
  ["#f","http://example.com/a?b#c","http://example.com/a?b#f","http://example.com","http:","","","example.com","example.com","","/a","?b","#f"],
  ["","http://example.com/a?b#c","http://example.com/a?b","http://example.com","http:","","","example.com","example.com","","/a","?b",""],
  ["http:x","http://example.com/a/b","http://example.com/a/x","http://example.com","http:","","","example.com","example.com","","/a/x","",""],
  ["https:x","http://example.com/a/b","https://x/","https://x","https:","","","x","x","","/","",""],
  ["\\x","http://example.com/a/b","http://example.com/x","http://example.com","http:","","","example.com","example.com","","/x","",""],
  ["..","http://example.com/a/b/c","http://example.com/a/","http://example.com","http:","","","example.com","example.com","","/a/","",""],
  ["./","http://example.com/a/b","http://example.com/a/","http://example.com","http:","","","example.com","example.com","","/a/","",""],
  ["x","file:///C:/dir/file","file:///C:/dir/x","null","file:","","","","","","/C:/dir/x","",""],
  ["/y","file:///C:/dir/file","file:///C:/y","null","file:","","","","","","/C:/y","",""],
  ["..\\..\\z","file:///C:/a/b/c","file:///C:/z","null","file:","","","","","","/C:/z","",""],
  ["x","mailto:a@b",null],
  ["#x","mailto:a@b","mailto:a@b#x","null","mailto:","","","","","","a@b","","#x"],
  ["x","foo://h/a/b","foo://h/a/x","null","foo:","","","h","h","","/a/x","",""],
  ["//h2","foo://h/a","foo://h2","null","foo:","","","h2","h2","","","",""],
  ["x","invalid",null],
  ["g;x?y#s","http://a/b/c/d;p?q","http://a/b/c/g;x?y#s","http://a","http:","","","a","a","","/b/c/g;x","?y","#s"],
  ["../../../g","http://a/b/c/d;p?q","http://a/g","http://a","http:","","","a","a","","/g","",""],
  ["g?y/./x","http://a/b/c/d;p?q","http://a/b/c/g?y/./x","http://a","http:","","","a","a","","/b/c/g","?y/./x",""],
  ["http:g","http://a/b/c/d;p?q","http://a/b/c/g","http://a","http:","","","a","a","","/b/c/g","",""],
  ["//","http://a/b",null],
  ["x","about:blank",null]]
;

// [href, property, new value, resulting href]
const setterCases = [["http://a.com/p","protocol","https","https://a.com/p"],
  ["http://a.com/p","protocol","foo","http://a.com/p"],
  ["foo://a/p","protocol","http","foo://a/p"],
  ["http://a.com/p","protocol","HTTPS:junk","https://a.com/p"],
  ["https://a.com:80/","protocol","http","http://a.com/"],
  ["http://u@a.com/","protocol","file","http://u@a.com/"],
  ["file:///x","protocol","http","file:///x"],
  ["http://a.com/","protocol","1x","http://a.com/"],
  ["http://a.com/","username","us er@","http://us%20er%40@a.com/"],
  ["http://a.com/","password","p:w/d","http://:p%3Aw%2Fd@a.com/"],
  ["file:///x","username","u","file:///x"],
  ["mailto:x","username","u","mailto:x"],
  ["http://a.com/p","host","b.org:8080","http://b.org:8080/p"],
  ["http://a.com/p","host","b.org:80","http://b.org/p"],
  ["http://a.com:99/p","host","c.net","http://c.net:99/p"],
  ["http://a.com/p","host","","http://a.com/p"],
  ["foo://a.com/p","host","","foo:///p"],
  ["http://a.com/p","host","x y","http://a.com/p"],
  ["mailto:x","host","h","mailto:x"],
  ["http://a.com/","host","[::1]:81","http://[::1]:81/"],
  ["http://a.com/","host","h/p?q","http://h/"],
  ["http://a.com:99/p","hostname","b.org:1","http://a.com:99/p"],
  ["http://a.com/p","hostname","B.ORG","http://b.org/p"],
  ["http://a.com/","hostname","0x7f.1","http://127.0.0.1/"],
  ["file://h/x","hostname","localhost","file:///x"],
  ["http://a.com/","port","8080","http://a.com:8080/"],
  ["http://a.com/","port","80","http://a.com/"],
  ["http://a.com:81/","port","","http://a.com/"],
  ["http://a.com/","port","12ab","http://a.com:12/"],
  ["http://a.com/","port","ab","http://a.com/"],
  ["http://a.com/","port","65536","http://a.com/"],
  ["file:///x","port","1","file:///x"],
  ["http://a.com/","pathname","/a b/../c","http://a.com/c"],
  ["http://a.com/","pathname","x?#","http://a.com/x%3F%23"],
  ["mailto:x","pathname","y","mailto:x"],
  ["foo://h/a","pathname","","foo://h"],
  ["foo:/a","pathname","//b","foo:/.//b"],
  ["http://a.com/","search","a=1 2&b","http://a.com/?a=1%202&b"],
  ["http://a.com/?x","search","","http://a.com/"],
  ["http://a.com/","search","??x#y","http://a.com/??x%23y"],
  ["foo://h/","search","'","foo://h/?'"],
  ["http://a.com/","search","'","http://a.com/?%27"],
  ["http://a.com/","hash","h a","http://a.com/#h%20a"],
  ["http://a.com/#x","hash","","http://a.com/"],
  ["http://a.com/","hash","##x","http://a.com/##x"],
  ["http://a.com/","href","https://b.org/?q=1","https://b.org/?q=1"],
  ["sc:opaque  ","hash","x","sc:opaque#x"],
  ["data:space   ?q","search","","data:space"]]
;

const fields = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

for (const [input, base, ...expected] of parseCases) {
  const name = `URL parse ${JSON.stringify(input)}${base === null ? "" : ` against ${JSON.stringify(base)}`}`;
  if (expected[0] === null) {
    test(name + " fails", () => {
      assertThrows(() => (base === null ? new URL(input) : new URL(input, base)), TypeError);
      assertEquals(URL.canParse(input, base ?? undefined), false);
    });
  } else {
    test(name, () => {
      const url = base === null ? new URL(input) : new URL(input, base);
      for (let i = 0; i < fields.length; i++) assertEquals(url[fields[i]], expected[i], fields[i]);
      assertEquals(URL.canParse(input, base ?? undefined), true);
      // Serialising and reparsing is idempotent.
      assertEquals(new URL(url.href).href, url.href, "reparse");
    });
  }
}

for (const [href, property, value, expected] of setterCases) {
  test(`URL setter ${property}=${JSON.stringify(value)} on ${href}`, () => {
    const url = new URL(href);
    url[property] = value;
    assertEquals(url.href, expected);
  });
}

test("URL is our implementation and has the IDL shape", () => {
  assertEquals(Object.prototype.toString.call(new URL("http://a/")), "[object URL]");
  const desc = Object.getOwnPropertyDescriptor(globalThis, "URL");
  assertEquals([desc.writable, desc.enumerable, desc.configurable], [true, false, true]);
  assert(Object.getOwnPropertyDescriptor(URL.prototype, "href").get !== undefined);
  assertThrows(() => new URL(), TypeError);
  assertThrows(() => URL.prototype.href, TypeError);
});

test("URL href setter throws on failure and keeps the old value", () => {
  const url = new URL("http://a.com/x");
  assertThrows(() => {
    url.href = "not a url";
  }, TypeError);
  assertEquals(url.href, "http://a.com/x");
});

test("URL invalid base throws", () => {
  assertThrows(() => new URL("/x", "not-absolute"), TypeError);
  assertThrows(() => new URL("http://a", "also bad"), TypeError);
});

test("URL toString and toJSON", () => {
  const url = new URL("https://example.com/a?b#c");
  assertEquals(String(url), "https://example.com/a?b#c");
  assertEquals(JSON.stringify({ url }), '{"url":"https://example.com/a?b#c"}');
});

test("URL searchParams stays in sync with search", () => {
  const url = new URL("https://example.com/?a=1&b=2&a=3");
  const params = url.searchParams;
  assertEquals(params.getAll("a"), ["1", "3"]);
  params.append("c", "x y");
  assertEquals(url.search, "?a=1&b=2&a=3&c=x+y");
  params.delete("a");
  assertEquals(url.href, "https://example.com/?b=2&c=x+y");
  url.search = "?z=9";
  assertEquals(params.get("z"), "9");
  assertEquals(params.get("b"), null);
  url.href = "https://other.org/?k=v";
  assertEquals(params.get("k"), "v");
  assert(url.searchParams === params, "same object");
  params.delete("k");
  assertEquals(url.href, "https://other.org/");
  assertEquals(url.search, "");
});

test("URL searchParams update strips trailing spaces of an opaque path", () => {
  const url = new URL("data:space    ?q=1");
  url.searchParams.delete("q");
  assertEquals(url.href, "data:space");
});

test("URL origin", () => {
  assertEquals(new URL("https://a.com:8443/x").origin, "https://a.com:8443");
  assertEquals(new URL("file:///x").origin, "null");
  assertEquals(new URL("blob:https://a.com/u").origin, "https://a.com");
  assertEquals(new URL("foo://a.com").origin, "null");
});

test("URLSearchParams constructor forms", () => {
  assertEquals(new URLSearchParams("?a=1&b=2").toString(), "a=1&b=2");
  assertEquals(new URLSearchParams("a=1&&b").toString(), "a=1&b=");
  assertEquals([...new URLSearchParams([["x", "1"], ["y", "2"]])], [["x", "1"], ["y", "2"]]);
  assertEquals([...new URLSearchParams({ a: "1", b: 2 })], [["a", "1"], ["b", "2"]]);
  assertEquals([...new URLSearchParams(new URLSearchParams("q=1"))], [["q", "1"]]);
  assertEquals([...new URLSearchParams(new Map([["m", "v"]]))], [["m", "v"]]);
  assertThrows(() => new URLSearchParams([["a"]]), TypeError);
  assertThrows(() => new URLSearchParams([["a", "b", "c"]]), TypeError);
  assertThrows(() => new URLSearchParams([1]), TypeError);
  assertEquals(new URLSearchParams().toString(), "");
  assertEquals(new URLSearchParams(undefined).size, 0);
});

test("URLSearchParams parsing: plus, percent escapes, invalid UTF-8", () => {
  const p = new URLSearchParams("a+b=c+d&e=%20%41&f=%zz&g=%C3%A9&h=%FF&=empty&i=a=b");
  assertEquals(p.get("a b"), "c d");
  assertEquals(p.get("e"), " A");
  assertEquals(p.get("f"), "%zz");
  assertEquals(p.get("g"), "é");
  assertEquals(p.get("h"), "\uFFFD");
  assertEquals(p.get(""), "empty");
  assertEquals(p.get("i"), "a=b");
});

test("URLSearchParams serialisation", () => {
  const p = new URLSearchParams();
  p.append("a b", "c&d=e");
  p.append("sym", "*-._~!'()");
  p.append("uni", "é€😀");
  assertEquals(p.toString(), "a+b=c%26d%3De&sym=*-._%7E%21%27%28%29&uni=%C3%A9%E2%82%AC%F0%9F%98%80");
  p.append("lone", "\uD800");
  assert(p.toString().endsWith("lone=%EF%BF%BD"));
});

test("URLSearchParams methods", () => {
  const p = new URLSearchParams("a=1&b=2&a=3");
  assertEquals(p.size, 3);
  assert(p.has("a"));
  assert(p.has("a", "3"));
  assert(!p.has("a", "4"));
  assertEquals(p.get("missing"), null);
  p.set("a", "x");
  assertEquals(p.toString(), "a=x&b=2");
  p.set("c", "new");
  assertEquals(p.toString(), "a=x&b=2&c=new");
  p.append("b", "3");
  p.delete("b", "2");
  assertEquals(p.toString(), "a=x&c=new&b=3");
  p.delete("nothing");
  assertEquals(p.size, 3);
  assertThrows(() => p.append("only-one"), TypeError);
  assertThrows(() => p.get(), TypeError);
});

test("URLSearchParams sort is stable and by code units", () => {
  const p = new URLSearchParams("z=1&a=2&b=3&a=1&\uFFFD=x&\uD83D\uDE00=y");
  p.sort();
  assertEquals([...p.keys()], ["a", "a", "b", "z", "\uD83D\uDE00", "\uFFFD"]);
  assertEquals(p.getAll("a"), ["2", "1"]);
});

test("URLSearchParams iteration", () => {
  const p = new URLSearchParams("a=1&b=2");
  assertEquals([...p.keys()], ["a", "b"]);
  assertEquals([...p.values()], ["1", "2"]);
  assertEquals([...p.entries()], [["a", "1"], ["b", "2"]]);
  const seen = [];
  p.forEach(function (value, key, params) {
    seen.push([key, value, params === p, this]);
  }, "ctx");
  assertEquals(seen, [["a", "1", true, "ctx"], ["b", "2", true, "ctx"]]);
  const it = p[Symbol.iterator]();
  assertEquals(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
  assertEquals(it.next(), { value: ["a", "1"], done: false });
  p.append("c", "3");
  assertEquals(it.next().value, ["b", "2"]);
  assertEquals(it.next().value, ["c", "3"]);
  assertEquals(it.next(), { value: undefined, done: true });
});

// RFC 5893 section 2 at the domain level: an ASCII label starting with a digit may come before a
// right-to-left label but not after one; every other label still satisfies the whole Bidi rule.
test("URL host: Bidi domain names with digit-first ASCII labels", () => {
  const host = (input) => (URL.canParse(`http://${input}/`) ? new URL(`http://${input}/`).host : null);
  assertEquals(host("1.\u064A"), "1.xn--mhb");
  assertEquals(host("0a.\u05D0.example"), "0a.xn--4db.example");
  assertEquals(host("12.34.\u05D0.example"), "12.34.xn--4db.example");
  assertEquals(host("a1.\u05D0.example"), "a1.xn--4db.example");
  assertEquals(host("\u064A.1a.example"), null, "digit-first label after an RTL label");
  assertEquals(host("\u05D0.b.1a.example"), null, "digit-first label anywhere after an RTL label");
  assertEquals(host("1-.\u05D0.example"), null, "LTR label ending in ES (condition 6)");
  assertEquals(host("1\u05D0.example"), null, "one label mixing a digit-first start and R");
  assertEquals(host("\u064Aa.example"), null, "RTL label containing L (condition 2)");
  assertEquals(host("1.\u064A1\u0661.example"), null, "EN and AN in one RTL label (condition 4)");
  assertEquals(host("1.xn--mhb.example"), "1.xn--mhb.example", "the A-label form of the same name");
});
