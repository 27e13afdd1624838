// Click-to-load for the session's video: the provider's player is added to the page only when the
// person asks for it, so that nothing is requested from the provider before they agree.
const player = document.getElementById("live-stream-player");
const button = document.getElementById("live-stream-load");

if (player && button) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = player.dataset.embedSrc;
    frame.title = player.dataset.embedTitle;
    frame.allow = "fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
    player.replaceChildren(frame);
    frame.focus();
  });
}
