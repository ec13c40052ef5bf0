// Small progressive help; every page works without it (signing in the browser needs sign.js).
document.documentElement.classList.add('js');
// A report chosen as a file is read into the text box (the text is what the server reads).
document.querySelectorAll('input[type=file][data-into]').forEach(function (input) {
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var target = document.getElementById(input.getAttribute('data-into'));
    file.text().then(function (text) {
      target.value = text;
      var name = document.getElementById('f-name');
      if (name && !name.value) name.value = file.name;
    });
  });
});
// A refused form: move focus to the message naming the field.
var problem = document.getElementById('problem');
if (problem) problem.focus();
