// Injected by NotebookRenderingTest into nbconvert HTML: after load, records per image its decoded size and how
// many pixels differ from its first pixel (blank check), per table its declared and rendered rows and whether its
// scroll box scrolls, and the page height; writes them as JSON into a pre element with the id plasticity-render-check.
window.addEventListener('load', function () {
  var out = {images: [], tables: []};
  document.querySelectorAll('img').forEach(function (img, i) {
    var rec = {index: i, width: img.naturalWidth, height: img.naturalHeight};
    try {
      var c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      var ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      var d = ctx.getImageData(0, 0, c.width, c.height).data;
      var differ = 0;
      for (var k = 0; k < d.length; k += 4) {
        if (Math.abs(d[k] - d[0]) + Math.abs(d[k + 1] - d[1]) + Math.abs(d[k + 2] - d[2]) > 30) differ++;
      }
      rec.pixels = d.length / 4; rec.differing = differ;
    } catch (e) { rec.error = String(e); }
    out.images.push(rec);
  });
  document.querySelectorAll('table').forEach(function (t, i) {
    var body = t.querySelectorAll('tbody tr');
    var gap = t.querySelectorAll('tbody tr.plasticity-gap').length;
    var box = t.parentElement;
    out.tables.push({index: i, cls: t.className, rows: t.getAttribute('data-rows'), shown: t.getAttribute('data-shown-rows'),
      rendered: body.length - gap, caption: (t.caption ? t.caption.textContent : (box && box.previousElementSibling ? box.previousElementSibling.textContent : '')),
      scrollable: box ? box.scrollHeight > box.clientHeight : false, height: t.getBoundingClientRect().height});
  });
  out.pageHeight = document.documentElement.scrollHeight;
  var pre = document.createElement('pre');
  pre.id = 'plasticity-render-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
