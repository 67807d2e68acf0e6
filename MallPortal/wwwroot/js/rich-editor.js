// The product description editor: wangEditor (served from wwwroot/lib, installed by the npm workspace),
// loaded on first use. Text changes and pasted or picked images go to .NET.
let loading;

function load() {
    loading ??= new Promise((resolve, reject) => {
        const css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = "/lib/wangeditor/style.css";
        document.head.appendChild(css);
        const script = document.createElement("script");
        script.src = "/lib/wangeditor/index.js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return loading;
}

export async function create(host, html, dotnet, placeholder) {
    await load();
    const E = window.wangEditor;
    let last = html || "";
    const editor = E.createEditor({
        selector: host.querySelector(".rich-editor-body"),
        html: html || "<p><br></p>",
        mode: "simple",
        config: {
            placeholder,
            // The editor loads after the form: taking the focus then would send what the merchant is typing in
            // the title into the description.
            autoFocus: false,
            // onChange also fires for caret moves; only real content changes go to the server.
            onChange(ed) {
                const now = ed.getHtml();
                if (now !== last) {
                    last = now;
                    dotnet.invokeMethodAsync("OnChange", now);
                }
            },
            MENU_CONF: {
                uploadImage: {
                    async customUpload(file, insert) {
                        const url = await dotnet.invokeMethodAsync("UploadImage", DotNet.createJSStreamReference(file));
                        if (url) insert(url, file.name, url);
                    },
                },
            },
        },
    });
    E.createToolbar({
        editor,
        selector: host.querySelector(".rich-editor-toolbar"),
        mode: "simple",
        config: {
            // A product description's tools; images only by upload (stored and checked by the server).
            toolbarKeys: ["headerSelect", "bold", "italic", "underline", "through", "color", "bgColor", "|",
                "bulletedList", "numberedList", "justifyLeft", "justifyCenter", "|", "uploadImage", "insertTable", "divider", "|", "undo", "redo"],
        },
    });
    host.wangEditor = editor;
}

export function destroy(host) {
    host?.wangEditor?.destroy();
}
