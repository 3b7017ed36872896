// The actors dashboard: polls actorsdashboard/data and draws it. Text only through textContent.
(function () {
	'use strict';

	var POLL_MILLIS = 2000;
	var number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

	function chart(id, series) {
		var target = document.getElementById(id);
		var options = {
			width: Math.max(200, target.clientWidth),
			height: 150,
			legend: { show: series.length > 1 },
			scales: { x: { time: true } },
			series: [{}].concat(series.map(function (one) {
				return { label: one.label, stroke: one.color, width: 1.5, spanGaps: false };
			})),
			axes: [{}, { size: 72 }]
		};
		var empty = [[]].concat(series.map(function () { return []; }));
		return new uPlot(options, empty, target);
	}

	var charts = {
		handled: chart('chart-handled', [{ label: 'handled/s', color: '#2f6fdf' }]),
		latency: chart('chart-latency', [{ label: 'ms', color: '#8a3ffc' }]),
		queued: chart('chart-queued', [{ label: 'queued', color: '#d97706' }]),
		dead: chart('chart-dead', [{ label: 'dead letters/s', color: '#b3261e' }, { label: 'failures/s', color: '#6b7280' }])
	};

	window.addEventListener('resize', function () {
		Object.keys(charts).forEach(function (key) {
			var target = charts[key].root.parentNode;
			charts[key].setSize({ width: Math.max(200, target.clientWidth), height: 150 });
		});
	});

	function cell(row, text, className) {
		var td = document.createElement('td');
		td.textContent = text;
		if (className) {
			td.className = className;
		}
		row.appendChild(td);
	}

	function fill(tableId, rows, columns, emptyText) {
		var body = document.querySelector('#' + tableId + ' tbody');
		body.textContent = '';
		if (rows.length === 0) {
			var row = body.insertRow();
			var td = document.createElement('td');
			td.colSpan = columns.length;
			td.className = 'empty';
			td.textContent = emptyText;
			row.appendChild(td);
			return;
		}
		rows.forEach(function (item) {
			var row = body.insertRow();
			columns.forEach(function (column) {
				var value = item[column.key];
				cell(row, column.number ? number.format(value) : String(value), column.number ? 'number' : '');
			});
		});
	}

	function draw(data) {
		var history = data.history;
		var times = history.map(function (point) { return point.time / 1000; });
		charts.handled.setData([times, history.map(function (point) { return point.handledPerSecond; })]);
		charts.latency.setData([times, history.map(function (point) { return point.handlerMillis; })]);
		charts.queued.setData([times, history.map(function (point) { return point.queued; })]);
		charts.dead.setData([times, history.map(function (point) { return point.deadLettersPerSecond; }),
			history.map(function (point) { return point.failedPerSecond; })]);
		var last = history.length > 0 ? history[history.length - 1] : null;
		document.getElementById('total').textContent = number.format(data.total);
		document.getElementById('handled').textContent = last ? number.format(last.handledPerSecond) : '–';
		document.getElementById('queued').textContent = last ? number.format(last.queued) : '–';
		document.getElementById('dead-letters').textContent = number.format(data.deadLetters);
		fill('busiest', data.busiest, [{ key: 'name' }, { key: 'type' }, { key: 'state' },
			{ key: 'mailboxDepth', number: true }, { key: 'processed', number: true }, { key: 'failed', number: true }],
			'No actors.');
		fill('stuck', data.stuck, [{ key: 'name' }, { key: 'seconds', number: true }], 'None.');
		var cluster = data.cluster;
		document.getElementById('cluster').hidden = !cluster;
		if (cluster) {
			document.getElementById('cluster-state').textContent = cluster.state;
			document.getElementById('cluster-partitions').textContent = cluster.partitions;
			document.getElementById('cluster-entities').textContent = cluster.entities;
			fill('members', cluster.members.map(function (member) {
				return { address: member.address + (member.local ? ' (this instance)' : ''),
					partitions: member.partitions, kind: member.lite ? 'lite' : 'data' };
			}), [{ key: 'address' }, { key: 'partitions', number: true }, { key: 'kind' }], 'No members.');
		}
	}

	var updates = 0;
	var status = document.getElementById('status');

	function poll() {
		fetch('actorsdashboard/data', { headers: { Accept: 'application/json' }, cache: 'no-store' })
			.then(function (response) {
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				return response.json();
			})
			.then(function (data) {
				draw(data);
				updates++;
				document.body.dataset.updates = String(updates);
				status.className = '';
				status.textContent = 'updated ' + new Date().toLocaleTimeString();
			})
			.catch(function (error) {
				status.className = 'error';
				status.textContent = 'no data: ' + error.message;
			})
			.then(function () {
				setTimeout(poll, POLL_MILLIS);
			});
	}

	poll();
}());
