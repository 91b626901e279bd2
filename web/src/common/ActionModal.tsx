/**
 * A button that opens a modal form for one action: the form's fields, its submit (after a confirmation, when the
 * caller asks for one), and the server's problem (field errors at their fields when the caller places them, the
 * rest above the buttons).
 */
import { App, Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/StatusPages';

export interface ActionModalProps<V> {
  readonly label: string;
  readonly title?: string;
  readonly buttonProps?: ButtonProps;
  readonly children: ReactNode;
  readonly initialValues?: Partial<V>;
  /** Runs the action; resolve closes the modal. `placeErrors` returns true when it showed the error at fields. */
  readonly onSubmit: (values: V) => Promise<unknown>;
  readonly placeErrors?: (form: FormInstance<V>, error: unknown) => boolean;
  /**
   * What to confirm before `onSubmit` runs (the action happens only on 确认); throwing shows the error in the form
   * instead (a value the form cannot send).
   */
  readonly confirm?: (values: V) => ReactNode;
}

export function ActionModal<V extends object>(props: ActionModalProps<V>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<V>();
  const { modal } = App.useApp();
  const submit = async (values: V) => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit(values);
      setOpen(false);
      form.resetFields();
    } catch (caught) {
      const placed = props.placeErrors?.(form, caught) ?? false;
      setError(placed ? undefined : caught);
    } finally {
      setBusy(false);
    }
  };
  const finish = (values: V) => {
    if (props.confirm === undefined) return void submit(values);
    setError(undefined);
    let content: ReactNode;
    try {
      content = props.confirm(values);
    } catch (caught) {
      setError(caught);
      return;
    }
    void modal.confirm({
      title: `${t('common.confirm')} · ${props.title ?? props.label}`,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.back'),
      onOk: () => submit(values),
    });
  };
  return (
    <>
      <Button size="small" {...props.buttonProps} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title ?? props.label}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Form<V> form={form} layout="vertical" onFinish={finish} initialValues={props.initialValues}>
          {props.children}
          <ProblemAlert error={error} />
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 16 }}>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.submit')}
            </Button>
          </div>
        </Form>
      </Modal>
    </>
  );
}
