// Tells the server the browser's time zone, so the pages show the CSM's own days: Spring's
// CookieLocaleResolver reads "-/<IANA zone>" (no locale of its own, then the zone).
(function () {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!zone) {
		return;
	}
	const cookie = 'aftercare_zone=-/' + zone;
	const told = document.cookie.split('; ').indexOf(cookie) >= 0;
	if (!told) {
		document.cookie = cookie + '; path=/; max-age=31536000; SameSite=Lax'
			+ (location.protocol === 'https:' ? '; Secure' : '');
	}
	// Whether the server has the zone is what the page was drawn in, not what
	// document.cookie says: a browser may answer that from a cache the cookie's removal
	// has not reached, or send the next request before a write reached its store.
	const drawnIn = document.body && document.body.getAttribute('data-zone');
	const redraws = 'aftercare_zone_redraws';
	if (!drawnIn || drawnIn === zone) {
		forget(redraws);
		return;
	}
	// Drawn in another zone (the first visit, a cookie lost, a CSM who travelled): drawn
	// again, twice at most in a tab, and only when the cookie was kept, so that neither a
	// browser refusing cookies nor a zone the server does not know ever loops.
	if (document.cookie.indexOf(cookie) >= 0 && count(redraws, told) < 2) {
		location.reload();
	}

	/** How often this tab has drawn a page again already, counting this time. */
	function count(key, told) {
		try {
			const done = Number(sessionStorage.getItem(key) || 0);
			sessionStorage.setItem(key, String(done + 1));
			return done;
		}
		catch (e) {
			// No storage (a privacy setting): once, when this page set the cookie.
			return told ? 2 : 0;
		}
	}

	function forget(key) {
		try {
			sessionStorage.removeItem(key);
		}
		catch (e) {
			// Nothing was kept.
		}
	}
})();
