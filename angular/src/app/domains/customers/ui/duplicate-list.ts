import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Duplicate } from '../model/customer';

/** Existing customers that look like the one being entered: name (a link when I may open it), owner, what matched. */
@Component({
  selector: 'app-duplicate-list',
  imports: [RouterLink, TranslatePipe, NzTagModule],
  template: `
    <ul class="duplicates" data-test="duplicate-list">
      @for (m of matches(); track m.id) {
        <li [attr.data-test]="'duplicate-' + m.id">
          @if (m.canOpen) {
            <a [routerLink]="['/customers', m.id]" target="_blank">{{ m.name }}</a>
          } @else {
            <strong>{{ m.name }}</strong>
          }
          <span class="muted">
            —
            @if (m.inPool) {
              {{ 'customers.inPool' | translate }}
            } @else {
              {{ 'customers.ownedBy' | translate: { name: m.ownerName || ('customers.noOwner' | translate) } }}
            }
          </span>
          @for (k of m.matchedOn; track k) {
            <nz-tag nzColor="orange">{{ 'customers.matchedOn.' + k | translate }}</nz-tag>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .duplicates {
      margin: 4px 0 0;
      padding-left: 18px;
    }
    .duplicates li {
      margin: 2px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuplicateList {
  readonly matches = input.required<Duplicate[]>();
}
