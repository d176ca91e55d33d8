import { ChangeDetectionStrategy, Component, forwardRef, inject, input, signal } from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { PortalApi } from '../data/portal-api';

/** Picks customers the staff member may see, searched by name as they type. */
@Component({
  selector: 'app-portal-customer-picker',
  imports: [FormsModule, NzSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PortalCustomerPicker), multi: true }],
  template: `
    <nz-select nzShowSearch nzServerSearch [nzMode]="multiple() ? 'multiple' : 'default'" [ngModel]="value()" (ngModelChange)="changed($event)"
      (nzOnSearch)="search($event)" [nzPlaceHolder]="'portal.admin.searchCustomer' | translate" style="width: 100%">
      @for (o of options(); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
    </nz-select>
  `,
})
export class PortalCustomerPicker implements ControlValueAccessor {
  private readonly api = inject(PortalApi);
  readonly multiple = input(false);
  protected readonly options = signal<{ id: string; name: string }[]>([]);
  protected readonly value = signal<string | string[] | null>(null);
  private onChange: (v: unknown) => void = () => undefined;

  /** Names of customers already chosen, so the select can show them before any search. */
  known(list: { id: string; name: string }[]): void {
    const ids = new Set(this.options().map((o) => o.id));
    this.options.update((o) => [...o, ...list.filter((k) => !ids.has(k.id))]);
  }

  async search(text: string): Promise<void> {
    if (text.trim().length === 0) return;
    const found = await this.api.searchCustomers(text.trim());
    const chosen = this.options().filter((o) => ([] as unknown[]).concat(this.value() ?? []).includes(o.id));
    this.options.set([...chosen, ...found.filter((f) => !chosen.some((c) => c.id === f.id))]);
  }

  protected changed(v: string | string[]): void {
    this.value.set(v);
    this.onChange(v);
  }

  writeValue(v: string | string[] | null): void {
    this.value.set(v);
  }
  registerOnChange(fn: (v: unknown) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(): void {
    // nothing to do
  }
}
