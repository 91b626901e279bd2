/**
 * 流程编辑器: a flow in YAML (CodeMirror 6), validated by the server (POST /v1/flows/validate, the same checks the
 * engine runs at load); every problem is marked in the editor at its line and column and listed below it. Once the
 * text validates, 发布 publishes it as a new version (POST /v1/flows): every API instance serves it at once.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Alert, Button, Card, List, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import { api, ProblemError, unwrap, type Problem, type ProblemIssue, type Schemas } from '../api/client';
import { ProblemAlert } from '../app/StatusPages';
import { useFlowList } from '../common/flows';
import { formatInstant } from '../common/time';
import { diagnosticsOf } from './yaml-diagnostics';

const STARTER = `id: demo.new-flow
version: 1
title: { zh: 新流程, en: New flow }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    sla: { within: 4h, clock: working }
    form:
      done: { type: boolean, required: true }
`;

type FlowListItem = Schemas['FlowListItem'];

type Outcome =
  | { valid: true }
  | { valid: false; issues: readonly ProblemIssue[] }
  | { published: FlowListItem; created: boolean }
  | { error: unknown };

/** The YAML text as the body, as it is (JSON.stringify would quote it). */
const yamlBody = (text: string) => ({
  body: text,
  bodySerializer: (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body)),
  headers: { 'content-type': 'application/yaml' },
});

/** A refusal: the located problems of a 422, else the problem itself. */
function refusal(result: { response: Response; error?: Problem | undefined }): Outcome {
  if (result.response.status === 422 && result.error?.errors !== undefined) {
    return { valid: false, issues: result.error.errors };
  }
  return {
    error: new ProblemError(
      result.error ?? {
        type: 'about:blank',
        title: 'Error',
        status: result.response.status,
        detail: '',
        instance: '',
      },
    ),
  };
}

async function validate(text: string): Promise<Outcome> {
  const result = await api.POST('/v1/flows/validate', yamlBody(text));
  return result.response.ok ? { valid: true } : refusal(result);
}

/** Publishes the text as a new version: 201 published, 200 already published with this content. */
async function publish(text: string): Promise<Outcome> {
  const result = await api.POST('/v1/flows', yamlBody(text));
  if (result.data !== undefined) return { published: result.data, created: result.response.status === 201 };
  return refusal(result);
}

export function YamlEditorPage() {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  /** The text changed since the last answer: a valid flow must be validated again before it is published. */
  const [edited, setEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const flows = useFlowList();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (host.current === null) return undefined;
    const editor = new EditorView({
      doc: STARTER,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': t('designer.editor') }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) setEdited(true);
        }),
      ],
      parent: host.current,
    });
    view.current = editor;
    return () => editor.destroy();
  }, [t]);

  /** Sends the text to `send` and shows its answer, its problems marked in the editor. */
  const run = async (send: (text: string) => Promise<Outcome>) => {
    const editor = view.current;
    if (editor === undefined) return;
    setBusy(true);
    try {
      const result = await send(editor.state.doc.toString());
      setOutcome(result);
      setEdited(false);
      const issues = 'valid' in result && !result.valid ? result.issues : [];
      editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc, issues)));
      if ('published' in result) await queryClient.invalidateQueries({ queryKey: ['flows'] });
    } finally {
      setBusy(false);
    }
  };

  /** Puts a catalogue flow into the editor, as YAML (the definition without its generated diagram). */
  const load = async (flowId: string) => {
    const editor = view.current;
    if (editor === undefined) return;
    const definition = unwrap(await api.GET('/v1/flows/{flowId}', { params: { path: { flowId } } }));
    const { diagram: _diagram, ...written } = definition;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: stringify(written) } });
    editor.dispatch(setDiagnostics(editor.state, []));
    setOutcome(undefined);
  };

  const goTo = (issue: ProblemIssue) => {
    const editor = view.current;
    if (editor === undefined || issue.line === undefined) return;
    const line = editor.state.doc.line(Math.min(issue.line, editor.state.doc.lines));
    editor.dispatch({
      selection: { anchor: line.from + Math.max((issue.column ?? 1) - 1, 0) },
      scrollIntoView: true,
    });
    editor.focus();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="page-title">{t('designer.editor')}</h1>
      <Card size="small">
        <div ref={host} className="yaml-editor" data-testid="yaml-editor" />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => void run(validate)} loading={busy}>
            {t('designer.validate')}
          </Button>
          {outcome !== undefined && 'valid' in outcome && outcome.valid && !edited ? (
            <Button onClick={() => void run(publish)} loading={busy}>
              {t('designer.publish')}
            </Button>
          ) : null}
          <Select
            style={{ minWidth: 240 }}
            placeholder={t('designer.flows')}
            aria-label={t('designer.flows')}
            onChange={(flowId: string) => void load(flowId)}
            options={[...new Set((flows.data ?? []).map((flow) => flow.id))].map((id) => ({
              value: id,
              label: id,
            }))}
          />
        </Space>
      </Card>
      {outcome === undefined ? null : 'error' in outcome ? (
        <ProblemAlert error={outcome.error} />
      ) : 'published' in outcome ? (
        <Alert
          type="success"
          showIcon
          role="status"
          message={t(outcome.created ? 'designer.published' : 'designer.alreadyPublished', {
            id: outcome.published.id,
            version: outcome.published.version,
            by: outcome.published.publishedBy ?? '—',
            at: formatInstant(outcome.published.publishedAt),
          })}
        />
      ) : outcome.valid ? (
        <Alert type="success" showIcon role="status" message={t('designer.valid')} />
      ) : (
        <Card
          size="small"
          title={<h2 className="section-title">{t('designer.invalid', { count: outcome.issues.length })}</h2>}
        >
          <List
            size="small"
            data-testid="yaml-problems"
            dataSource={[...outcome.issues]}
            renderItem={(issue) => (
              <List.Item>
                <Button
                  type="link"
                  size="small"
                  onClick={() => goTo(issue)}
                  disabled={issue.line === undefined}
                >
                  {issue.line === undefined
                    ? '—'
                    : t('designer.line', { line: issue.line, column: issue.column ?? 1 })}
                </Button>
                <span>
                  <code>{issue.path}</code> {issue.message}
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
