-- Neovim 0.7 as a real LSP client of `alliance-cite lsp --stdio` (driven by neovim.test.ts, with
-- the init.lua of docs/editors.md): open a draft, wait for the pushed diagnostics, ask for code
-- actions at the claim, apply the citation stub, write the file, wait for the re-lint. What it
-- saw goes to a JSON result file.
-- Environment: ALLIANCE_CITE_DRAFT, ALLIANCE_CITE_STUB_TITLE, ALLIANCE_CITE_CLAIM_LINE (0-based),
-- ALLIANCE_CITE_RESULT.
local draft = os.getenv('ALLIANCE_CITE_DRAFT')
local stub_title = os.getenv('ALLIANCE_CITE_STUB_TITLE')
local claim_line = tonumber(os.getenv('ALLIANCE_CITE_CLAIM_LINE'))
local result_file = os.getenv('ALLIANCE_CITE_RESULT')
local result = {}

local function fail(message)
  error(message .. ' (seen so far: ' .. vim.fn.json_encode(result) .. ')', 0)
end

local function diagnostics_of(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source })
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return out
end

-- Opening the draft starts the server (the FileType autocommand of init.lua).
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[bufnr].filetype
local client
if not vim.wait(20000, function()
  client = vim.lsp.buf_get_clients(bufnr)[next(vim.lsp.buf_get_clients(bufnr)) or 0]
  return client ~= nil and client.initialized == true
end, 50) then fail('no client attached to the draft') end
local client_id = client.id
result.client = client.name

-- Stubs are dated as of a fixed day, set as a writer changes a setting.
client.config.settings['alliance-cite'].asOf = '2026-11-25'
client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })

-- Pushed diagnostics (0.7 has no pull).
if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then fail('no diagnostics arrived') end
result.diagnostics = diagnostics_of(bufnr)

local claim
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.code == 'missing-citation' and d.lnum == claim_line then claim = d end
end
if not claim then fail('no missing-citation diagnostic on line ' .. claim_line) end

-- The draft is ASCII, so byte columns are UTF-16 columns.
local range = { start = { line = claim.lnum, character = claim.col }, ['end'] = { line = claim.end_lnum, character = claim.end_col } }
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = range,
  context = { diagnostics = { { range = range, message = claim.message, code = claim.code, source = claim.source, severity = 1 } } },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
if not responses or not responses[client_id] or responses[client_id].err then fail('code actions failed: ' .. vim.inspect(responses)) end
result.titles = {}
local chosen
for _, action in ipairs(responses[client_id].result or {}) do
  table.insert(result.titles, action.title)
  if action.title == stub_title then chosen = action end
end
if not chosen then fail('no action titled ' .. stub_title) end

vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
if chosen.command then
  local response = client.request_sync('workspace/executeCommand', chosen.command, 10000, bufnr)
  if not response or response.err then fail('the action command failed: ' .. vim.inspect(response)) end
end
vim.cmd('write')

-- The edit reached the server as didChange: the re-lint reports the stub instead of the claim.
local relinted = vim.wait(20000, function()
  local stub = false
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'missing-citation' and d.lnum == claim_line then return false end
    if d.code == 'citation-stub' then stub = true end
  end
  return stub
end, 50)
if not relinted then fail('the draft was not linted again after the stub') end
result.after = diagnostics_of(bufnr)

local file = io.open(result_file, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
