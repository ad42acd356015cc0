// Cypher console: posts {query, parameters} to /api/cypher and shows the rows as a table.
(function () {
  'use strict';
  var form = document.getElementById('console');
  var queryInput = document.getElementById('query');
  var parametersInput = document.getElementById('parameters');
  var status = document.getElementById('status');
  var result = document.getElementById('result');

  function showStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  function cellText(value) {
    if (value === null || value === undefined) {
      return null;
    }
    if (typeof value === 'object') {
      // Nodes and relationships: show their properties with labels or type, not the element ids.
      if (value.labels && value.properties) {
        return ':' + value.labels.join(':') + ' ' + JSON.stringify(value.properties);
      }
      if (value.type && value.properties && value.start) {
        return '[:' + value.type + '] ' + JSON.stringify(value.properties);
      }
      return JSON.stringify(value);
    }
    return String(value);
  }

  function showTable(data) {
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    data.columns.forEach(function (column) {
      var th = document.createElement('th');
      th.textContent = column;
      head.appendChild(th);
    });
    var body = table.createTBody();
    data.rows.forEach(function (row) {
      var tr = body.insertRow();
      row.forEach(function (value) {
        var td = tr.insertCell();
        var text = cellText(value);
        if (text === null) {
          td.textContent = 'null';
          td.className = 'null';
        } else {
          td.textContent = text;
        }
      });
    });
    result.replaceChildren(table);
  }

  function run(event) {
    if (event) {
      event.preventDefault();
    }
    var parameters = {};
    var parametersText = parametersInput.value.trim();
    if (parametersText) {
      try {
        parameters = JSON.parse(parametersText);
      } catch (e) {
        showStatus('Parameters are not a JSON object: ' + e.message, true);
        return;
      }
    }
    showStatus('Running…', false);
    fetch('api/cypher', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify({query: queryInput.value, parameters: parameters})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error((body && body.error) || ('HTTP ' + response.status));
        }
        return body;
      });
    }).then(function (data) {
      showTable(data);
      showStatus(data.rows.length + ' rows in ' + data.durationMillis + ' ms'
        + (data.truncated ? ' — truncated at the row cap' : ''), false);
    }).catch(function (error) {
      result.replaceChildren();
      showStatus(error.message, true);
    });
  }

  form.addEventListener('submit', run);
  queryInput.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      run(event);
    }
  });
}());
