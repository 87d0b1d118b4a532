// Tells the server the browser's time zone, so the pages show the CSM's own days: Spring's
// CookieLocaleResolver reads "-/<IANA zone>" (no locale of its own, then the zone).
(function () {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!zone) {
		return;
	}
	const value = '-/' + zone;
	const current = document.cookie.split('; ').find(function (c) { return c.startsWith('aftercare_zone='); });
	if (current === 'aftercare_zone=' + value) {
		return;
	}
	document.cookie = 'aftercare_zone=' + value + '; path=/; max-age=31536000; SameSite=Lax'
		+ (location.protocol === 'https:' ? '; Secure' : '');
	// A page drawn in another zone (the first visit, or after travelling) is drawn again,
	// once: only when the cookie was really kept, so a browser refusing cookies never loops.
	const drawnIn = document.body && document.body.getAttribute('data-zone');
	if (drawnIn && drawnIn !== zone && document.cookie.indexOf('aftercare_zone=' + value) >= 0) {
		location.reload();
	}
})();
