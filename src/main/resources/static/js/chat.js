// The chat's few behaviours. Kept in a file of our own: the page's Content-Security-Policy allows
// no inline script.
(function () {
	const token = document.querySelector('meta[name="csrf-token"]');
	const header = document.querySelector('meta[name="csrf-header"]');

	document.body.addEventListener('htmx:configRequest', function (event) {
		if (token && header) {
			event.detail.headers[header.content] = token.content;
		}
		// Buttons that "say" a command for the CSM, as if typed.
		const command = event.detail.elt.getAttribute('data-command');
		if (command) {
			event.detail.parameters['text'] = command;
		}
	});

	document.body.addEventListener('htmx:afterSwap', function (event) {
		const log = document.getElementById('log');
		if (event.detail.target === log) {
			log.lastElementChild && log.lastElementChild.scrollIntoView({ block: 'start', behavior: 'smooth' });
			document.body.dispatchEvent(new Event('followups-changed'));
		}
	});

	// Writing a draft can take the language model a few seconds: say so while it works.
	document.body.addEventListener('htmx:beforeRequest', function (event) {
		const elt = event.detail.elt;
		if (elt.id === 'say' || elt.hasAttribute('data-writes')) {
			const log = document.getElementById('log');
			const pending = document.createElement('div');
			pending.className = 'message system pending';
			pending.id = 'writing';
			pending.textContent = 'Working on it…';
			log && !document.getElementById('writing') && log.appendChild(pending);
		}
	});

	document.body.addEventListener('htmx:afterRequest', function (event) {
		const pending = document.getElementById('writing');
		if (pending) {
			pending.remove();
		}
		if (event.detail.elt.id === 'say' && event.detail.successful) {
			event.detail.elt.reset();
			document.getElementById('text').focus();
		}
	});

	document.body.addEventListener('htmx:responseError', function (event) {
		const log = document.getElementById('log');
		const message = document.createElement('div');
		message.className = 'message system error';
		// A problem detail says what went wrong in words; show them (as text, never as markup).
		let detail = null;
		try {
			detail = JSON.parse(event.detail.xhr.responseText).detail;
		}
		catch (ignored) {
			// Not a problem detail.
		}
		message.textContent = (typeof detail === 'string' && detail)
			? detail + ' (' + event.detail.xhr.status + ')'
			: 'Something went wrong (' + event.detail.xhr.status + '). Please try again.';
		log.appendChild(message);
	});

	window.addEventListener('load', function () {
		const log = document.getElementById('log');
		if (log && log.lastElementChild) {
			log.lastElementChild.scrollIntoView({ block: 'start' });
		}
	});
})();
