/*
 * Claimsmith template playground. Plain browser JavaScript, no build step, no network
 * beyond this service. Everything that comes from the API or the user is put into the
 * page with textContent (never innerHTML), so no template, claim or name can inject
 * markup. The API key lives in sessionStorage only: gone when the tab closes.
 */
(function () {
	'use strict';

	const KEY_STORAGE = 'claimsmith.apiKey';
	const CLAIMS_LIMIT = 3072; // the service's default claimsmith.templates.max-claims-bytes
	const SAMPLE_TEMPLATE = '{\n  "name": "{{ user.first_name }} {{ user.last_name }}",\n  "email": {{ user.email }},\n'
		+ '  "plan": {{ organization.metadata.plan || \'free\' }},\n  "seats": {{ organization.metadata.seats | number }}\n}\n';
	// Sample data only: which fields exist, and their types, come from the schema
	// (/playground/context-schema), as do the hints and "Add missing fields".
	const SAMPLE_CONTEXT = {
		user: { id: 'user_01EXAMPLE', email: 'ada@example.com', email_verified: true, first_name: 'Ada',
			last_name: 'Lovelace', external_id: 'emp-42', metadata: { department: 'R&D' },
			public_metadata: { plan: { seats: 25 } }, unsafe_metadata: { theme: 'dark' } },
		organization: { id: 'org_01EXAMPLE', name: 'Analytical Engines', external_id: 'cust-7',
			metadata: { plan: 'pro', seats: '25' }, public_metadata: { region: 'eu' },
			domains: [{ domain: 'engines.example' }] },
		organization_membership: { id: 'om_01EXAMPLE', role: 'admin', roles: ['admin'],
			permissions: ['widgets:read'], status: 'active', external_id: 'ada-at-engines',
			metadata: { desk: '4B' }, public_metadata: { title: 'Lead' },
			custom_attributes: { department: 'Engineering', job_title: 'Analyst' } }
	};
	// A template that always renders: previewing it returns the stored context alone.
	const CONTEXT_PROBE = '{"playground": "context"}';
	const PATH_SUFFIX = { string_list: '.<n>', domains: '.<n>.domain', json_object: '.<key>…' };
	const EMPTY_VALUE = { string: () => null, boolean: () => false, string_list: () => [], domains: () => [],
		json_object: () => ({}) };

	const $ = (id) => document.getElementById(id);
	const state = {
		templates: new Map(), // name -> stored content
		dialects: new Map(), // name -> 'claimsmith' | 'clerk'
		user: null,
		schema: null,
		mode: 'stored',
		sequence: 0,
		lines: new Map() // JSON pointer -> line number of the template text
	};

	// ---- DOM helpers: text only ---------------------------------------------------------

	function el(tag, className, text) {
		const node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		return node;
	}

	function clear(node) {
		while (node.firstChild) {
			node.removeChild(node.firstChild);
		}
	}

	function toast(message) {
		const box = $('toast');
		box.textContent = message;
		box.hidden = false;
		clearTimeout(toast.timer);
		toast.timer = setTimeout(() => { box.hidden = true; }, 2200);
	}

	function setPill(node, text, kind) {
		node.textContent = text;
		node.className = 'pill' + (kind ? ' ' + kind : '');
	}

	// ---- API ------------------------------------------------------------------------

	async function api(method, path, body) {
		const headers = { 'Accept': 'application/json' };
		const key = sessionStorage.getItem(KEY_STORAGE);
		if (key) {
			headers['Authorization'] = 'Bearer ' + key;
		}
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
		}
		const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		let json = null;
		try {
			json = await response.json();
		}
		catch (ignored) {
			json = null;
		}
		if (response.status === 401) {
			setPill($('connection'), 'key refused', 'bad');
		}
		return { status: response.status, ok: response.ok, json };
	}

	function describeError(result) {
		const json = result.json || {};
		return (json.message || json.error_description || ('HTTP ' + result.status));
	}

	// ---- Connection and templates ---------------------------------------------------

	async function connect() {
		const key = $('api-key').value.trim();
		if (key) {
			sessionStorage.setItem(KEY_STORAGE, key);
		}
		const result = await api('GET', '/jwt_templates');
		if (!result.ok) {
			setPill($('connection'), result.status === 401 ? 'key refused' : 'error ' + result.status, 'bad');
			return;
		}
		setPill($('connection'), 'connected', 'ok');
		const select = $('template-select');
		const previous = select.value;
		clear(select);
		select.appendChild(new Option('— stored templates —', ''));
		state.templates.clear();
		for (const template of result.json.data) {
			state.templates.set(template.name, template.content);
			state.dialects.set(template.name, template.dialect || 'claimsmith');
			const label = template.name + (template.dialect === 'clerk' ? ' (Clerk)' : '')
				+ (template.valid ? '' : ' (invalid on disk)');
			select.appendChild(new Option(label, template.name));
		}
		if (previous && state.templates.has(previous)) {
			select.value = previous;
		}
		else if (untouched() && state.templates.has('default')) {
			select.value = 'default';
			loadTemplate('default');
		}
	}

	/** The editor still shows the page's own sample (or nothing): a stored template may replace it. */
	function untouched() {
		const text = $('editor').value;
		return text.trim() === '' || text === SAMPLE_TEMPLATE;
	}

	function loadTemplate(name) {
		if (!state.templates.has(name)) {
			return;
		}
		$('editor').value = state.templates.get(name);
		editorChanged();
	}

	function storedTemplateName() {
		const name = $('template-select').value;
		return (name && state.templates.get(name) === $('editor').value) ? name : null;
	}

	// ---- The editor: line numbers, bands, pointer -> line ---------------------------

	function editorChanged() {
		const text = $('editor').value;
		const count = Math.max(1, text.split('\n').length);
		const gutter = $('gutter');
		clear(gutter);
		for (let i = 1; i <= count; i++) {
			const number = el('div', 'line-number', i);
			number.dataset.line = String(i);
			gutter.appendChild(number);
		}
		state.lines = pointerLines(text);
		const stored = state.templates.get($('template-select').value);
		$('edited').hidden = stored === undefined || stored === text;
		clear($('bands'));
		syncScroll();
	}

	function syncScroll() {
		const editor = $('editor');
		$('gutter').scrollTop = editor.scrollTop;
		$('bands').style.transform = 'translate(' + (-editor.scrollLeft) + 'px,' + (-editor.scrollTop) + 'px)';
	}

	/**
	 * Maps each claim's JSON pointer to the line where it starts. The template is not JSON
	 * (tags stand unquoted as values), so this is a tolerant scan of its structure: strings,
	 * tags, brackets, colons and commas.
	 */
	function pointerLines(text) {
		const lines = new Map();
		const stack = [];
		let line = 1;
		let i = 0;
		lines.set('', 1);

		function escape(segment) {
			return segment.replace(/~/g, '~0').replace(/\//g, '~1');
		}
		function top() {
			return stack[stack.length - 1];
		}
		// A value starts here: in an array it is the next element.
		function valuePointer() {
			const frame = top();
			if (!frame) {
				return '';
			}
			if (frame.type === 'array') {
				const pointer = frame.pointer + '/' + frame.index;
				if (!lines.has(pointer)) {
					lines.set(pointer, line);
				}
				return pointer;
			}
			return frame.member === null ? frame.pointer : frame.member;
		}
		while (i < text.length) {
			const c = text[i];
			if (c === '\n') {
				line++;
				i++;
			}
			else if (c === '{' && text[i + 1] === '{') {
				valuePointer();
				const end = text.indexOf('}}', i + 2);
				const stop = end < 0 ? text.length : end + 2;
				for (let j = i; j < stop; j++) {
					if (text[j] === '\n') {
						line++;
					}
				}
				i = stop;
			}
			else if (c === '"') {
				let j = i + 1;
				let value = '';
				while (j < text.length && text[j] !== '"') {
					if (text[j] === '\\' && j + 1 < text.length) {
						value += text[j + 1];
						j += 2;
					}
					else {
						if (text[j] === '\n') {
							line++;
						}
						value += text[j];
						j++;
					}
				}
				const frame = top();
				if (frame && frame.type === 'object' && frame.expectKey) {
					frame.member = frame.pointer + '/' + escape(value);
					frame.expectKey = false;
					if (!lines.has(frame.member)) {
						lines.set(frame.member, line);
					}
				}
				else {
					valuePointer();
				}
				i = j + 1;
			}
			else if (c === '{' || c === '[') {
				const pointer = valuePointer();
				stack.push({ type: c === '{' ? 'object' : 'array', pointer, expectKey: c === '{', member: null, index: 0 });
				i++;
			}
			else if (c === '}' || c === ']') {
				stack.pop();
				i++;
			}
			else if (c === ',') {
				const frame = top();
				if (frame && frame.type === 'object') {
					frame.expectKey = true;
					frame.member = null;
				}
				else if (frame) {
					frame.index++;
				}
				i++;
			}
			else if (/\s|:/.test(c)) {
				i++;
			}
			else {
				valuePointer();
				while (i < text.length && !/[\s,\]}]/.test(text[i])) {
					i++;
				}
			}
		}
		return lines;
	}

	/** The line of a pointer, or of its nearest enclosing claim that has one. */
	function lineOf(pointer) {
		let current = pointer || '';
		while (true) {
			if (state.lines.has(current)) {
				return state.lines.get(current);
			}
			if (current === '') {
				return 1;
			}
			current = current.substring(0, current.lastIndexOf('/'));
		}
	}

	function markLine(line, kind) {
		const number = $('gutter').querySelector('[data-line="' + line + '"]');
		if (number && !number.classList.contains('error')) {
			number.classList.add(kind);
		}
		const band = el('div', 'band ' + kind);
		band.dataset.line = String(line);
		band.style.top = (10 + (line - 1) * lineHeight()) + 'px';
		$('bands').appendChild(band);
	}

	function lineHeight() {
		return parseFloat(getComputedStyle($('editor')).lineHeight) || 20;
	}

	function focusLine(line) {
		const editor = $('editor');
		const text = editor.value;
		let start = 0;
		for (let n = 1; n < line; n++) {
			const next = text.indexOf('\n', start);
			if (next < 0) {
				break;
			}
			start = next + 1;
		}
		let end = text.indexOf('\n', start);
		end = end < 0 ? text.length : end;
		editor.focus();
		editor.setSelectionRange(start, end);
		editor.scrollTop = Math.max(0, (line - 4) * lineHeight());
		syncScroll();
	}

	// ---- The claims-context schema: hints and inline skeleton ------------------------

	async function loadSchema() {
		const list = $('context-hints');
		let schema = null;
		try {
			const response = await fetch('/playground/context-schema', { headers: { 'Accept': 'application/json' } });
			schema = response.ok ? await response.json() : null;
		}
		catch (ignored) {
			schema = null;
		}
		clear(list);
		if (!schema) {
			list.appendChild(el('li', 'muted', 'Could not load the context schema.'));
			return;
		}
		state.schema = schema;
		for (const object of schema.objects) {
			for (const field of object.fields) {
				const item = el('li');
				item.dataset.path = field.path;
				const button = el('button', 'hint-path', field.path + (PATH_SUFFIX[field.type] || ''));
				button.type = 'button';
				button.title = field.description.replace(/[`*]/g, '');
				button.addEventListener('click', () => insertTag(field.path));
				item.appendChild(button);
				item.appendChild(el('span', 'hint-type', field.type.replace('_', ' ')));
				if (field.visibility !== 'core') {
					item.appendChild(el('span', 'vis ' + field.visibility,
						field.visibility_note.replace(/[`*]/g, '').replace(/: .*/, '')));
				}
				list.appendChild(item);
			}
		}
	}

	function insertTag(path) {
		const editor = $('editor');
		const tag = '{{ ' + path + ' }}';
		const start = editor.selectionStart;
		editor.focus();
		editor.setRangeText(tag, start, editor.selectionEnd, 'end');
		editorChanged();
	}

	/** Adds every schema field the inline context lacks, empty, so each class can be filled in. */
	function addMissingFields() {
		if (!state.schema) {
			return;
		}
		let context;
		try {
			context = JSON.parse($('context').value || '{}');
		}
		catch (ex) {
			toast('Inline context is not JSON: ' + ex.message);
			return;
		}
		for (const object of state.schema.objects) {
			const target = context[object.name] || {};
			for (const field of object.fields) {
				if (!(field.name in target)) {
					target[field.name] = (EMPTY_VALUE[field.type] || (() => null))();
				}
			}
			context[object.name] = target;
		}
		$('context').value = JSON.stringify(context, null, 2);
	}

	// ---- Context ----------------------------------------------------------------------

	function setMode(mode) {
		state.mode = mode;
		for (const tab of document.querySelectorAll('[data-mode]')) {
			tab.classList.toggle('active', tab.dataset.mode === mode);
		}
		$('stored-context').hidden = mode !== 'stored';
		$('inline-context').hidden = mode !== 'inline';
	}

	async function findUsers(event) {
		event.preventDefault();
		const query = $('user-query').value.trim();
		if (!query) {
			return;
		}
		const results = $('user-results');
		clear(results);
		let users = [];
		if (query.includes('@')) {
			const result = await api('GET', '/user_management/users?limit=10&email=' + encodeURIComponent(query));
			users = result.ok ? result.json.data : [];
		}
		else {
			const byExternalId = await api('GET', '/user_management/users/external_id/' + encodeURIComponent(query));
			if (byExternalId.ok) {
				users = [byExternalId.json];
			}
			else if (query.startsWith('user_')) {
				const byId = await api('GET', '/user_management/users/' + encodeURIComponent(query));
				users = byId.ok ? [byId.json] : [];
			}
		}
		if (users.length === 0) {
			results.appendChild(el('li', 'muted', 'No user matches ' + query + '.'));
			return;
		}
		for (const user of users) {
			const item = el('li');
			const button = el('button', 'user-result');
			button.type = 'button';
			const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
			button.appendChild(el('span', null, user.email + (name ? ' · ' + name : '')));
			button.appendChild(el('span', 'muted', user.external_id || user.id));
			button.addEventListener('click', () => chooseUser(user));
			item.appendChild(button);
			results.appendChild(item);
		}
	}

	async function chooseUser(user) {
		state.user = user;
		clear($('user-results'));
		const chosen = $('chosen-user');
		clear(chosen);
		chosen.appendChild(document.createTextNode('User: '));
		chosen.appendChild(el('strong', null, user.email));
		chosen.appendChild(document.createTextNode(' (' + user.id + ')'));
		const select = $('org-select');
		clear(select);
		select.appendChild(new Option('— no organization —', ''));
		const memberships = await api('GET',
			'/user_management/organization_memberships?limit=100&statuses=active&user_id=' + encodeURIComponent(user.id));
		if (memberships.ok) {
			for (const membership of memberships.json.data) {
				select.appendChild(new Option(membership.organization_name + ' · ' + membership.role.slug,
					membership.organization_id));
			}
			if (memberships.json.data.length === 1) {
				select.value = memberships.json.data[0].organization_id;
			}
		}
		await membershipChanged();
	}

	/** Shows the stored membership of the chosen user in the chosen organization, if any. */
	async function membershipChanged() {
		const box = $('chosen-membership');
		const organizationId = $('org-select').value;
		$('edit-inline').disabled = !state.user;
		if (!state.user) {
			box.textContent = 'No membership chosen.';
			return;
		}
		if (!organizationId) {
			box.textContent = 'No organization: the token is about the user alone.';
			return;
		}
		const result = await api('GET', '/user_management/organization_memberships?limit=1&statuses=active,inactive'
			+ '&user_id=' + encodeURIComponent(state.user.id) + '&organization_id=' + encodeURIComponent(organizationId));
		if (organizationId !== $('org-select').value) {
			return; // another organization was chosen meanwhile
		}
		clear(box);
		const membership = result.ok ? result.json.data[0] : null;
		if (!membership) {
			box.textContent = result.ok ? 'Not a member of this organization: a mint would be refused.'
				: 'Could not look up the membership: ' + describeError(result);
			return;
		}
		box.appendChild(document.createTextNode('Membership: '));
		box.appendChild(el('strong', null, membership.id));
		box.appendChild(document.createTextNode(' · role ' + membership.role.slug + ' · ' + membership.status));
		box.dataset.membershipId = membership.id;
	}

	/** Copies what templates see for the chosen user and membership into the inline context. */
	async function editAsInline() {
		if (!state.user) {
			return;
		}
		const request = { template: CONTEXT_PROBE, user_id: state.user.id };
		if ($('org-select').value) {
			request.organization_id = $('org-select').value;
		}
		const result = await api('POST', '/jwt_templates/preview', request);
		if (!result.ok) {
			toast('Could not load the stored context: ' + describeError(result));
			return;
		}
		$('context').value = JSON.stringify(result.json.context, null, 2);
		setMode('inline');
		toast('Stored context copied: edit it, then Preview');
	}

	function addOrganization(org) {
		const select = $('org-select');
		let option = Array.from(select.options).find((o) => o.value === org.id);
		if (!option) {
			option = new Option(org.name + (org.external_id ? ' · ' + org.external_id : ''), org.id);
			select.appendChild(option);
		}
		select.value = org.id;
	}

	async function findOrganization(event) {
		event.preventDefault();
		const query = $('org-query').value.trim();
		if (!query) {
			return;
		}
		let result = await api('GET', '/organizations/external_id/' + encodeURIComponent(query));
		if (!result.ok && query.startsWith('org_')) {
			result = await api('GET', '/organizations/' + encodeURIComponent(query));
		}
		if (result.ok) {
			addOrganization(result.json);
			await membershipChanged();
		}
		else {
			toast('No organization ' + query);
		}
	}

	async function listOrganizations() {
		const result = await api('GET', '/organizations?limit=100');
		if (!result.ok) {
			toast(describeError(result));
			return;
		}
		const current = $('org-select').value;
		result.json.data.forEach(addOrganization);
		$('org-select').value = current;
		toast(result.json.data.length + ' organizations listed');
	}

	// ---- Preview ---------------------------------------------------------------------

	async function preview() {
		const request = {};
		const storedName = storedTemplateName();
		if (storedName) {
			request.template_name = storedName;
		}
		else {
			request.template = $('editor').value;
			// An edited Clerk template previews as a Clerk draft.
			if (state.dialects.get($('template-select').value) === 'clerk') {
				request.dialect = 'clerk';
			}
		}
		if (state.mode === 'inline') {
			try {
				request.context = JSON.parse($('context').value);
			}
			catch (ex) {
				showFailure('Inline context is not JSON: ' + ex.message, []);
				return;
			}
		}
		else {
			if (!state.user) {
				showFailure('Choose a user first, or switch to an inline context.', []);
				return;
			}
			request.user_id = state.user.id;
			if ($('org-select').value) {
				request.organization_id = $('org-select').value;
			}
		}
		const sequence = ++state.sequence;
		$('busy').hidden = false;
		const result = await api('POST', '/jwt_templates/preview', request);
		if (sequence !== state.sequence) {
			return; // a newer preview is on its way
		}
		$('busy').hidden = true;
		if (result.ok) {
			showSuccess(result.json);
			await sampleToken(request, result.json, storedName);
		}
		else if (result.json && result.json.code === 'invalid_template') {
			showFailure(result.json.message, result.json.errors || []);
		}
		else {
			const fields = (result.json && result.json.errors) || [];
			showFailure(describeError(result), fields.map((f) => ({ path: null, message: f.field + ': ' + f.message })));
		}
	}

	function resetResult() {
		clear($('errors'));
		clear($('warnings'));
		clear($('bands'));
		for (const number of $('gutter').querySelectorAll('.error, .warning')) {
			number.classList.remove('error', 'warning');
		}
	}

	function showSuccess(response) {
		resetResult();
		setPill($('status'), 'rendered', 'ok');
		renderJson($('claims'), response.claims);
		renderJson($('payload'), response.payload);
		renderJson($('context-view'), response.context || {});
		showSize(response.size_bytes);
		for (const warning of response.warnings || []) {
			$('warnings').appendChild(problem('warning', warning.path, warning.message));
		}
	}

	function showFailure(message, errors) {
		resetResult();
		setPill($('status'), errors.length ? errors.length + (errors.length === 1 ? ' error' : ' errors') : 'failed', 'bad');
		clear($('claims'));
		clear($('payload'));
		clear($('context-view'));
		$('meter').hidden = true;
		if (errors.length === 0) {
			$('errors').appendChild(problem('error', null, message));
		}
		for (const error of errors) {
			$('errors').appendChild(problem('error', error.path, error.message));
			const match = /Rendered claims are (\d+) bytes/.exec(error.message);
			if (match) {
				showSize(Number(match[1]));
			}
		}
		showTokenNote('No token: the template did not render.', false);
	}

	function problem(kind, pointer, message) {
		const item = el('li', kind);
		if (pointer !== null && pointer !== undefined) {
			const line = lineOf(pointer);
			item.dataset.pointer = pointer;
			item.dataset.line = String(line);
			item.appendChild(el('span', 'pointer', pointer === '' ? '/' : pointer));
			item.appendChild(el('span', 'message', message));
			item.appendChild(el('span', 'line', 'line ' + line));
			markLine(line, kind);
			item.addEventListener('click', () => {
				focusLine(line);
				flashClaim(pointer);
			});
		}
		else {
			item.appendChild(el('span', 'message', message));
		}
		return item;
	}

	function showSize(size) {
		$('meter').hidden = false;
		$('size-text').textContent = size + ' bytes of claims';
		$('limit-text').textContent = 'limit ' + CLAIMS_LIMIT + ' bytes';
		const fill = $('meter-fill');
		fill.style.width = Math.min(100, (100 * size) / CLAIMS_LIMIT) + '%';
		fill.className = 'meter-fill' + (size > CLAIMS_LIMIT ? ' over' : size > 0.8 * CLAIMS_LIMIT ? ' high' : '');
	}

	function flashClaim(pointer) {
		const member = $('claims').querySelector('[data-pointer="' + CSS.escape(pointer) + '"]');
		if (member) {
			member.classList.add('flash');
			setTimeout(() => member.classList.remove('flash'), 1500);
		}
	}

	// ---- Sample token ------------------------------------------------------------------

	async function sampleToken(request, previewResponse, storedName) {
		if (state.mode === 'inline') {
			showTokenNote('Inline context: nothing is signed. This is the payload a token would carry (unsigned).', true);
			showDecoded(null, null, previewResponse.payload);
			return;
		}
		if (!storedName) {
			showTokenNote('Edited template: mints use stored templates only, so this is the unsigned payload. '
				+ 'Copy the JSON into templates/ to mint with it.', true);
			showDecoded(null, null, previewResponse.payload);
			return;
		}
		const mint = { user_id: request.user_id, template: storedName };
		if (request.organization_id) {
			mint.organization_id = request.organization_id;
		}
		const result = await api('POST', '/access_tokens', mint);
		if (result.status === 403) {
			// A preview key may look and preview but not mint (API.md "API keys").
			showTokenNote('This API key lacks the mint scope, so nothing is signed: this is the payload a token '
				+ 'would carry (unsigned).', true);
			showDecoded(null, null, previewResponse.payload);
			return;
		}
		if (!result.ok) {
			showTokenNote('Could not mint a sample token: ' + describeError(result), true);
			return;
		}
		const token = result.json.access_token;
		const parts = token.split('.');
		showTokenNote('Signed by the service with its active key (POST /access_tokens), decoded here. Expires in '
			+ result.json.expires_in + ' s.', false);
		showDecoded(parts, decodePart(parts[0]), decodePart(parts[1]));
	}

	function decodePart(part) {
		const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
		const padded = base64 + '==='.slice((base64.length + 3) % 4);
		const bytes = Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
		return JSON.parse(new TextDecoder().decode(bytes));
	}

	function showTokenNote(message, unsigned) {
		const note = $('token-note');
		note.textContent = message;
		note.className = 'note' + (unsigned ? ' unsigned' : '');
		$('token-parts').hidden = true;
	}

	function showDecoded(parts, header, payload) {
		$('token-parts').hidden = false;
		const compact = $('token-compact');
		clear(compact);
		compact.hidden = !parts;
		$('token-header').previousElementSibling.hidden = !header;
		$('token-header').hidden = !header;
		if (parts) {
			compact.appendChild(el('span', 'h', parts[0]));
			compact.appendChild(document.createTextNode('.'));
			compact.appendChild(el('span', 'p', parts[1]));
			compact.appendChild(document.createTextNode('.'));
			compact.appendChild(el('span', 'g', parts[2]));
		}
		if (header) {
			renderJson($('token-header'), header);
		}
		renderJson($('token-payload'), payload);
	}

	// ---- JSON rendering (text nodes only) ----------------------------------------------

	function renderJson(target, value) {
		clear(target);
		appendValue(target, value, '', 0);
	}

	function appendValue(target, value, pointer, depth) {
		const pad = '  '.repeat(depth);
		if (Array.isArray(value)) {
			if (value.length === 0) {
				target.appendChild(document.createTextNode('[]'));
				return;
			}
			target.appendChild(document.createTextNode('[\n'));
			value.forEach((item, index) => {
				const member = el('span', 'member');
				member.dataset.pointer = pointer + '/' + index;
				member.appendChild(document.createTextNode(pad + '  '));
				appendValue(member, item, pointer + '/' + index, depth + 1);
				target.appendChild(member);
				target.appendChild(document.createTextNode(index < value.length - 1 ? ',\n' : '\n'));
			});
			target.appendChild(document.createTextNode(pad + ']'));
		}
		else if (value !== null && typeof value === 'object') {
			const keys = Object.keys(value);
			if (keys.length === 0) {
				target.appendChild(document.createTextNode('{}'));
				return;
			}
			target.appendChild(document.createTextNode('{\n'));
			keys.forEach((key, index) => {
				const child = pointer + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
				const member = el('span', 'member');
				member.dataset.pointer = child;
				member.appendChild(document.createTextNode(pad + '  '));
				member.appendChild(el('span', 'k', JSON.stringify(key)));
				member.appendChild(document.createTextNode(': '));
				appendValue(member, value[key], child, depth + 1);
				target.appendChild(member);
				target.appendChild(document.createTextNode(index < keys.length - 1 ? ',\n' : '\n'));
			});
			target.appendChild(document.createTextNode(pad + '}'));
		}
		else {
			const kind = typeof value === 'string' ? 's' : typeof value === 'number' ? 'n'
				: typeof value === 'boolean' ? 'b' : 'z';
			target.appendChild(el('span', kind, JSON.stringify(value)));
		}
	}

	// ---- Copy and download -------------------------------------------------------------

	async function copyTemplate() {
		const text = $('editor').value;
		try {
			await navigator.clipboard.writeText(text);
		}
		catch (ex) {
			const editor = $('editor');
			editor.focus();
			editor.select();
			document.execCommand('copy');
		}
		toast('Template JSON copied: save it as templates/<name>.json');
	}

	function downloadTemplate() {
		const name = $('template-select').value || 'my-template';
		const link = document.createElement('a');
		link.href = URL.createObjectURL(new Blob([$('editor').value], { type: 'application/json' }));
		link.download = name + '.json';
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	}

	// ---- Wiring ------------------------------------------------------------------------

	function showView(view) {
		for (const tab of document.querySelectorAll('[data-view]')) {
			tab.classList.toggle('active', tab.dataset.view === view);
		}
		for (const name of ['claims', 'payload', 'token', 'context']) {
			$('view-' + name).hidden = name !== view;
		}
	}

	function start() {
		$('editor').value = SAMPLE_TEMPLATE;
		$('context').value = JSON.stringify(SAMPLE_CONTEXT, null, 2);
		editorChanged();
		$('editor').addEventListener('input', editorChanged);
		$('editor').addEventListener('scroll', syncScroll);
		$('editor').addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				preview();
			}
			else if (event.key === 'Tab') {
				event.preventDefault();
				document.execCommand('insertText', false, '  ');
			}
		});
		$('key-form').addEventListener('submit', (event) => {
			event.preventDefault();
			connect();
		});
		$('template-select').addEventListener('change', (event) => loadTemplate(event.target.value));
		$('user-form').addEventListener('submit', findUsers);
		$('org-form').addEventListener('submit', findOrganization);
		$('org-list').addEventListener('click', listOrganizations);
		$('org-select').addEventListener('change', membershipChanged);
		$('edit-inline').addEventListener('click', editAsInline);
		$('inline-skeleton').addEventListener('click', addMissingFields);
		$('preview').addEventListener('click', preview);
		$('copy').addEventListener('click', copyTemplate);
		$('download').addEventListener('click', downloadTemplate);
		for (const tab of document.querySelectorAll('[data-mode]')) {
			tab.addEventListener('click', () => setMode(tab.dataset.mode));
		}
		for (const tab of document.querySelectorAll('[data-view]')) {
			tab.addEventListener('click', () => showView(tab.dataset.view));
		}
		loadSchema();
		const key = sessionStorage.getItem(KEY_STORAGE);
		if (key) {
			$('api-key').value = key;
			connect();
		}
	}

	start();
}());
