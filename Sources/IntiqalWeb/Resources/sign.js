// Signing a decision in the browser: the co-chair's key file is read here, the Ed25519
// signature is made with WebCrypto over the bytes the server prepared (the RFC 8785 form of
// the signature entry to be), and only the signature and the public key are sent. The file
// input has no name: the private key never leaves the page.
(function () {
  function b64ToBytes(s) { var b = atob(s), out = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) out[i] = b.charCodeAt(i); return out; }
  function bytesToB64(bytes) { var s = ''; bytes = new Uint8Array(bytes); for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]); return btoa(s); }
  function b64url(s) { return s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
  document.querySelectorAll('form[data-sign]').forEach(function (form) {
    var state = form.querySelector('.sign-state');
    var input = form.querySelector('input.keyfile');
    var say = function (text) { state.textContent = text; };
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var key = JSON.parse(text);
        var msg = Array.prototype.find.call(form.querySelectorAll('input.msg'), function (m) { return m.getAttribute('data-key') === key.publicKey; });
        if (!msg) throw new Error(form.getAttribute('data-badkey'));
        var jwk = { kty: 'OKP', crv: 'Ed25519', d: b64url(key.privateKey), x: b64url(key.publicKey), ext: false };
        return crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']).then(function (k) {
          return crypto.subtle.sign({ name: 'Ed25519' }, k, b64ToBytes(msg.value));
        }).then(function (sig) {
          form.querySelector('textarea.sig').value = bytesToB64(sig);
          form.querySelector('select[name=publicKey]').value = key.publicKey;
          input.value = '';
          say(form.getAttribute('data-done'));
        });
      }).catch(function (e) { say(String(e.message || e)); });
    });
  });
})();
